using System.Text.Json;
using System.Text.Json.Serialization;

namespace Customers.Grains;

/// <summary>
/// Reads each list of a stored state at its exact size. A state read from its row lives as long as
/// its activation, and a list grown element by element keeps room for four or more: at a hundred
/// thousand active customers the empty slots alone are megabytes. Written as any list.
/// </summary>
public sealed class ExactLists : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => ExactList.IsList(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        ExactList.For(typeToConvert, emptyAsNull: false);
}

/// <summary>
/// For a list property that makes its list on first use (<c>get => field ??= []</c>): an empty
/// stored list reads as null, so an activation that never touches the list holds none. Most
/// customers never have an account opening, a retired credential or an identification process,
/// and each empty list kept is 32 bytes per active customer.
/// </summary>
public sealed class EmptyListAsNull : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => ExactList.IsList(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        ExactList.For(typeToConvert, emptyAsNull: true);
}

internal static class ExactList
{
    public static bool IsList(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>);

    public static JsonConverter For(Type listType, bool emptyAsNull) =>
        (JsonConverter)Activator.CreateInstance(typeof(ExactList<>).MakeGenericType(listType.GetGenericArguments()[0]), [emptyAsNull])!;
}

internal sealed class ExactList<T>(bool emptyAsNull) : JsonConverter<List<T>>
{
    public override List<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"expected an array, found {reader.TokenType}");
        }

        List<T>? items = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            (items ??= []).Add(JsonSerializer.Deserialize<T>(ref reader, options)!);
        }

        if (items is null)
        {
            return emptyAsNull ? null : [];
        }

        items.Capacity = items.Count;
        return items;
    }

    public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            JsonSerializer.Serialize(writer, item, options);
        }

        writer.WriteEndArray();
    }
}
