namespace Customers;

/// <summary>
/// One recorded change, as the feed, the webhooks and the in-cluster stream show it. Thin: it names
/// what changed (<see cref="Changes"/> are field paths), never the values.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CustomerEvent(
    [property: Id(0)] Guid Id,
    [property: Id(1)] long Position,
    [property: Id(2)] string Type,
    [property: Id(3)] string OrgId,
    [property: Id(4)] Guid? CustomerId,
    [property: Id(5)] Guid? AccountId,
    [property: Id(6)] DateTime OccurredAt,
    [property: Id(7)] string Actor,
    [property: Id(8)] IReadOnlyList<string> Changes);

/// <summary>A page of the feed: <see cref="NextAfter"/> is the last position returned, null when none was.</summary>
[GenerateSerializer, Immutable]
public sealed record EventPage(
    [property: Id(0)] IReadOnlyList<CustomerEvent> Events,
    [property: Id(1)] long? NextAfter);
