namespace Customers.Grains.Events;

/// <summary>The event log's table, as the sequencer and the webhook deliveries use it.</summary>
public interface IEventStore
{
    /// <summary>
    /// Gives the org's events that have no position yet the next positions, at most
    /// <paramref name="limit"/> of them, in one commit; returns them in position order.
    /// </summary>
    Task<IReadOnlyList<CustomerEvent>> Sequence(string org, int limit, CancellationToken cancellationToken = default);

    /// <summary>Positioned events after <paramref name="after"/> whose type starts with one of the prefixes (all when none).</summary>
    Task<IReadOnlyList<CustomerEvent>> ReadAfter(string org, long after, int limit, IReadOnlyList<string> typePrefixes, CancellationToken cancellationToken = default);

    /// <summary>The org's last assigned position, 0 when none.</summary>
    Task<long> LastPosition(string org, CancellationToken cancellationToken = default);

    /// <summary>
    /// Orgs with events above their floor still waiting for a position (recorded just before a
    /// crash, or a lost nudge): one look per org past what its passes already positioned.
    /// </summary>
    Task<IReadOnlyList<string>> OrgsWithUnpositioned(CancellationToken cancellationToken = default);

    /// <summary>
    /// Orgs with events waiting for a position that no pass has seen yet (no floor). It reads every
    /// unpositioned index entry of the service, those of events positioned since the last vacuum
    /// included, so it runs seldom.
    /// </summary>
    Task<IReadOnlyList<string>> OrgsNeverSequenced(CancellationToken cancellationToken = default);
}
