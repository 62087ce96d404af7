namespace Customers.Grains.Customers;

public sealed partial class CustomerState
{
    /// <summary>Every account the customer ever opened, closed ones included, for its export and erasure.</summary>
    [Id(50)] public List<Guid> AccountHistory { get; set; } = [];

    /// <summary>Set when an erasure was asked for: from then on the customer reads as not found.</summary>
    [Id(51)] public DateTime? ErasureRequestedAt { get; set; }

    /// <summary>Set on the tombstone an erasure leaves, which holds nothing else but the credentials the identity provider has yet to confirm removed.</summary>
    [Id(52)] public DateTime? ErasedAt { get; set; }

    /// <summary>Every account this customer may have had: rows written before the history was kept list only live ones.</summary>
    public IEnumerable<Guid> KnownAccounts() =>
        AccountHistory.Concat(AccountIds).Concat(AccountCreations.Select(c => c.AccountId)).Concat(Openings.Select(o => o.AccountId)).Distinct();
}
