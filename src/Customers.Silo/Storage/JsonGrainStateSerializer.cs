using System.Text.Json;
using System.Text.Json.Serialization;
using Customers.Grains;
using Orleans.Storage;

namespace Customers.Silo.Storage;

/// <summary>
/// Grain state as plain snake_case JSON without .NET type names: rows survive class renames,
/// and properties added later read as their defaults from old rows.
/// </summary>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = false,
        Converters = { new ExactLists() },
    };

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options)!;
}
