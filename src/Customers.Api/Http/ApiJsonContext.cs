using System.Text.Json;
using System.Text.Json.Serialization;
using Customers.Api.Customers;

namespace Customers.Api.Http;

/// <summary>
/// Source-generated writers for the answers read most often, with the settings of <see cref="ApiJson"/>:
/// the same bytes as the reflection-based serializer, written by generated code that visits no
/// metadata (the fast path). A converter or a dictionary key policy in these options would turn that
/// path off: neither is needed, since the views hold their times as the API writes them
/// (<see cref="WholeSeconds"/>) and hold no dictionary. Every other answer goes through the API's
/// JSON options.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(CustomerView))]
[JsonSerializable(typeof(AccountView))]
[JsonSerializable(typeof(CustomerEndpoints.SearchResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
