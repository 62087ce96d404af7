namespace Customers.Api.OpenApi;

/// <summary>Schema names a generated client can use as class names: the type's own name, generics spelled out.</summary>
public static class SchemaIds
{
    public static string For(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return name + "Of" + string.Concat(type.GetGenericArguments().Select(For));
    }
}
