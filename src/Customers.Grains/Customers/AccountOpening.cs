namespace Customers.Grains.Customers;

/// <summary>
/// An account this customer has started to open: stored before the account is created, so an
/// account can never exist without its customer knowing of it, whatever fails in between.
/// Settled into the customer's list once the account is found to exist, dropped once it is found
/// never to have come to exist.
/// </summary>
[GenerateSerializer]
public sealed class AccountOpening
{
    [Id(0)] public Guid AccountId { get; set; }

    /// <summary>The request's Idempotency-Key, if it had one: a retry with it resumes this opening.</summary>
    [Id(1)] public string? Key { get; set; }

    /// <summary>SHA-256 of the request as sent (see <see cref="AccountCreationRecord.RequestHash"/>).</summary>
    [Id(2)] public string RequestHash { get; set; } = "";

    [Id(4)] public DateTime StartedAt { get; set; }
}
