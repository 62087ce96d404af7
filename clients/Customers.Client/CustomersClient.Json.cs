using System.Text.Json;
using System.Text.Json.Serialization;

namespace Customers.Client;

public partial class CustomersClient
{
    // Send only what the caller set: a payment method's details name exactly one of iban, token_id or reference_id.
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
}
