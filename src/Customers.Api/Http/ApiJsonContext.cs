using System.Text.Json;
using System.Text.Json.Serialization;

namespace Customers.Api.Http;

/// <summary>
/// Source-generated writers for the answers read most often, with the settings of <see cref="ApiJson"/>:
/// the same bytes as the reflection-based serializer, written without looking up metadata per
/// property. Every other answer goes through the API's JSON options.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DictionaryKeyPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(ApiJson.UtcDateTimeConverter)])]
[JsonSerializable(typeof(CustomerView))]
[JsonSerializable(typeof(AccountView))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
