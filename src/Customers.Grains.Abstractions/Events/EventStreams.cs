namespace Customers;

/// <summary>
/// The in-cluster stream of the event log: stream provider <see cref="StreamProvider"/>, namespace
/// <see cref="Namespace"/>, one stream per org keyed by the org id, carrying <see cref="CustomerEvent"/>s
/// in position order once they are stored. A memory stream: a subscriber that missed some (a silo
/// died) catches up from the feed, <c>GET /v4/orgs/{org}/events?after=</c>.
/// </summary>
public static class CustomerEventStream
{
    public const string StreamProvider = "customer-events";
    public const string Namespace = "events";
}

/// <summary>The <c>RequestContext</c> keys that name who makes a change (the event's <c>actor</c>).</summary>
public static class EventActorKeys
{
    /// <summary>Set by a co-hosted caller to name itself; its changes are recorded with actor <c>co-hosted:&lt;name&gt;</c>.</summary>
    public const string CoHosted = "actor";

    /// <summary>Set by the HTTP front door to the calling API key's name.</summary>
    public const string FrontDoor = "customers.api-key-name";
}
