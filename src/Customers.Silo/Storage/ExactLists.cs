using System.Text.Json;
using System.Text.Json.Serialization;

namespace Customers.Silo.Storage;

/// <summary>
/// Reads each list of a stored state at its exact size. A state read from its row lives as long as
/// its activation, and a list grown element by element keeps room for four or more: at a hundred
/// thousand active customers the empty slots alone are megabytes. Written as any list.
/// </summary>
public sealed class ExactLists : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(List<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ExactList<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class ExactList<T> : JsonConverter<List<T>>
    {
        public override List<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException($"expected an array, found {reader.TokenType}");
            }

            var items = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                items.Add(JsonSerializer.Deserialize<T>(ref reader, options)!);
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
}
