namespace Customers;

/// <summary>
/// Where credential events are published: stream provider <see cref="StreamProvider"/>, namespace
/// <see cref="UsernameChangedNamespace"/>, one stream per org keyed by the org id.
/// </summary>
public static class CredentialEvents
{
    public const string StreamProvider = "customer-events";
    public const string UsernameChangedNamespace = "credential-username-changed";
}

/// <summary>An ACTIVE credential's username changed, and the identity provider already knows it by the new one.</summary>
[GenerateSerializer, Immutable]
public sealed record CredentialUsernameChanged(
    [property: Id(0)] string Org,
    [property: Id(1)] Guid CustomerId,
    [property: Id(2)] Guid CredentialId,
    [property: Id(3)] string OldUsername,
    [property: Id(4)] string NewUsername,
    [property: Id(5)] DateTime ChangedAt);
