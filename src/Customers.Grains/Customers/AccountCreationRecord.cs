namespace Customers.Grains.Customers;

/// <summary>An account creation made with an Idempotency-Key: what was asked (as a hash) and what was answered.</summary>
[GenerateSerializer]
public sealed class AccountCreationRecord
{
    [Id(0)] public string Key { get; set; } = "";

    /// <summary>SHA-256 of the request, so the same key with another body is told apart without storing the body.</summary>
    [Id(1)] public string RequestHash { get; set; } = "";

    [Id(2)] public Guid AccountId { get; set; }
    [Id(3)] public string ExternalId { get; set; } = "";
    [Id(4)] public bool Pending { get; set; }
    [Id(5)] public DateTime CreatedAt { get; set; }
}
