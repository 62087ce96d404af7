using System.Text.Json.Serialization;

namespace Customers.Grains.Accounts;

/// <summary>An account's payment method as stored; see <see cref="StoredAddress"/> on names.</summary>
[GenerateSerializer]
public sealed class StoredPaymentMethod
{
    [Id(0), JsonPropertyName("type")] public string? Type { get; set; }
    [Id(1), JsonPropertyName("details")] public StoredPaymentDetails? Details { get; set; }

    public PaymentMethod ToWire() => new() { Type = Type, Details = Details?.ToWire() };
}

[GenerateSerializer]
public sealed class StoredPaymentDetails
{
    [Id(0), JsonPropertyName("iban")] public string? Iban { get; set; }
    [Id(1), JsonPropertyName("token_id")] public string? TokenId { get; set; }
    [Id(2), JsonPropertyName("reference_id")] public string? ReferenceId { get; set; }
    [Id(3), JsonPropertyName("token_teci")] public string? TokenTeci { get; set; }

    public PaymentMethodDetails ToWire() => new() { Iban = Iban, TokenId = TokenId, ReferenceId = ReferenceId, TokenTeci = TokenTeci };
}
