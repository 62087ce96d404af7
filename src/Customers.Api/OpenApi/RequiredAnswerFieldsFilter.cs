using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Customers.Api.OpenApi;

/// <summary>
/// Lists as <c>required</c> the fields every answer carries, so a generated client types them as
/// present (<c>id: string</c>, not <c>id?: string</c>). Only schemas that appear in answers alone get
/// a list: a schema a request body also uses (an address, a payment method) would otherwise demand of
/// requests what the service fills in itself. A field is always written when the serializer never
/// leaves it out: a value type, a reference the type declares non-null, or a property listed even
/// when null.
/// </summary>
public sealed class RequiredAnswerFieldsFilter(ISerializerDataContractResolver contracts) : IDocumentFilter
{
    private static readonly NullabilityInfoContext Nullability = new();

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null)
        {
            return;
        }

        var inRequests = ReachableFrom(RequestSchemas(document), schemas);
        foreach (var type in AnswerTypes(context))
        {
            var id = SchemaIds.For(type);
            if (inRequests.Contains(id) || !schemas.TryGetValue(id, out var found) || found is not OpenApiSchema { Properties: { Count: > 0 } properties } schema)
            {
                continue;
            }

            var written = AlwaysWritten(type).Where(w => properties.ContainsKey(w.Name)).ToList();
            if (written.Count > 0)
            {
                schema.Required = written.Select(w => w.Name).ToHashSet();
            }

            foreach (var (name, _) in written.Where(w => !w.MayBeNull))
            {
                if (properties[name] is OpenApiSchema property && property.Type is { } kind)
                {
                    property.Type = kind & ~JsonSchemaType.Null;
                }
            }
        }
    }

    /// <summary>
    /// The JSON names (as the schemas' own contract resolver gives them) of the properties the answers'
    /// serializer writes whatever their value, and whether that value may be null (a property listed
    /// even when null).
    /// </summary>
    private IEnumerable<(string Name, bool MayBeNull)> AlwaysWritten(Type type)
    {
        foreach (var data in contracts.GetDataContractForType(type).ObjectProperties ?? [])
        {
            if (data.MemberInfo is not PropertyInfo { GetMethod.IsPublic: true } property)
            {
                continue;
            }

            var nonNull = property.PropertyType.IsValueType
                ? Nullable.GetUnderlyingType(property.PropertyType) is null
                : Nullability.Create(property).ReadState == NullabilityState.NotNull;
            var written = property.GetCustomAttribute<JsonIgnoreAttribute>() switch
            {
                { Condition: JsonIgnoreCondition.Never } => true,
                not null => false,
                _ => nonNull,
            };
            if (written)
            {
                yield return (data.Name, !nonNull);
            }
        }
    }

    /// <summary>Every type an operation answers with, and the types of their properties, to the leaves.</summary>
    private static HashSet<Type> AnswerTypes(DocumentFilterContext context)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(context.ApiDescriptions
            .SelectMany(d => d.SupportedResponseTypes)
            .Select(r => r.Type)
            .OfType<Type>());
        while (pending.TryPop(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type.IsArray)
            {
                pending.Push(type.GetElementType()!);
                continue;
            }

            if (type.IsGenericType)
            {
                foreach (var argument in type.GetGenericArguments())
                {
                    pending.Push(argument);
                }
            }

            if (type.IsPrimitive || type == typeof(string) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true || !seen.Add(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                pending.Push(property.PropertyType);
            }
        }

        return seen;
    }

    private static IEnumerable<IOpenApiSchema> RequestSchemas(OpenApiDocument document) =>
        (document.Paths ?? [])
            .SelectMany(path => path.Value.Operations ?? [])
            .SelectMany(operation => (operation.Value.RequestBody?.Content?.Values.Select(c => c.Schema) ?? [])
                .Concat(operation.Value.Parameters?.Select(p => p.Schema) ?? []))
            .OfType<IOpenApiSchema>();

    /// <summary>The ids of the component schemas the given schemas use, directly or through others.</summary>
    private static HashSet<string> ReachableFrom(IEnumerable<IOpenApiSchema> roots, IDictionary<string, IOpenApiSchema> components)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<IOpenApiSchema>(roots);
        while (pending.TryPop(out var schema))
        {
            if (schema is OpenApiSchemaReference { Reference.Id: { } id })
            {
                if (ids.Add(id) && components.TryGetValue(id, out var target))
                {
                    pending.Push(target);
                }

                continue;
            }

            foreach (var next in (schema.Properties?.Values ?? [])
                .Concat(schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? [])
                .Append(schema.Items).Append(schema.AdditionalProperties).OfType<IOpenApiSchema>())
            {
                pending.Push(next);
            }
        }

        return ids;
    }
}
