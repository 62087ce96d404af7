namespace Customers;

/// <summary>Reads of the event log (the org feed and a customer's or account's audit trail), in position order.</summary>
public interface IEventFeed
{
    Task<EventPage> ReadOrg(string org, long after, int limit, IReadOnlyList<string> typePrefixes, CancellationToken cancellationToken);

    /// <summary>The customer's events and its accounts'.</summary>
    Task<EventPage> ReadCustomer(string org, Guid customerId, long after, int limit, CancellationToken cancellationToken);

    Task<EventPage> ReadAccount(string org, Guid accountId, long after, int limit, CancellationToken cancellationToken);
}
