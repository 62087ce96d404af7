namespace Customers;

/// <summary>An account's <c>billing_address</c>: a postal address plus the province code.</summary>
[GenerateSerializer]
public sealed class BillingAddress : Address
{
    /// <summary>Two digits, equal to the first two of the postal code when present.</summary>
    [Id(0)] public string? StateId { get; set; }
}
