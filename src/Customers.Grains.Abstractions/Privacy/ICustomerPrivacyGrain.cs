namespace Customers;

/// <summary>The customer's data on demand: everything held about it, and its erasure. Key: <see cref="GrainKeys.Customer"/>.</summary>
public interface ICustomerPrivacyGrain : IGrainWithStringKey
{
    /// <summary>
    /// Everything the customer grain holds, each part as its own read gives it; deleted customers
    /// too, until erased. The accounts' parts come from <see cref="IAccountPrivacyGrain.Export"/>.
    /// </summary>
    Task<Outcome<CustomerExport>> Export();

    /// <summary>
    /// Records the erasure durably (from then on the customer reads as not found) and carries it out;
    /// a reminder completes whatever an interruption left. Ok for an erased customer, NotFound for
    /// one that never existed.
    /// </summary>
    Task<Outcome> Erase();
}

/// <summary>An account's parts of its customer's export. Key: <see cref="GrainKeys.Account"/>.</summary>
public interface IAccountPrivacyGrain : IGrainWithStringKey
{
    /// <summary>The account, live or closed, when it belongs to <paramref name="customerId"/>; null otherwise.</summary>
    Task<AccountExport?> Export(Guid customerId);
}
