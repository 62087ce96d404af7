using System.Text.Json.Serialization;

namespace Customers.Grains.Credentials;

[GenerateSerializer]
public sealed class CredentialState
{
    [Id(0)] public Guid Id { get; set; }

    /// <summary>As given (trimmed); the login-email index holds it lower-cased.</summary>
    [Id(1)] public string Username { get; set; } = "";
    [Id(2)] public string Status { get; set; } = CredentialStatuses.Reserved;
    [Id(3)] public DateOnly? ExpirationDate { get; set; }
    [Id(4)] public DateTime CreatedAt { get; set; }

    /// <summary>
    /// The username the identity provider knows the credential by; null until it is ACTIVE. An ACTIVE
    /// credential whose <see cref="Username"/> differs still has to tell the provider.
    /// </summary>
    [Id(5)] public string? ProviderUsername { get; set; }
    [Id(6)] public DateTime? ActivatedAt { get; set; }

    /// <summary>When the credential, deleted with its customer, was handed to the provider for removal.</summary>
    [Id(7)] public DateTime? RetiredAt { get; set; }

    /// <summary>
    /// Lower-cased usernames the credential was renamed from while the provider knew it or was
    /// activating it, besides <see cref="ProviderUsername"/>: a call under way may have handed any of
    /// them to the provider, so each stays taken until a confirmed call tells which one it knows.
    /// </summary>
    [Id(8), JsonConverter(typeof(EmptyListAsNull))] public List<string> FormerLogins { get => field ??= []; set; }

    public string IndexedUsername() => Username.ToLowerInvariant();

    /// <summary>Whether the identity provider may let this credential in, so deleting it must remove it there.</summary>
    public bool KnownToProvider() => (Status is CredentialStatuses.Active or CredentialStatuses.Activating) && RetiredAt is null;

    /// <summary>The username the provider knows the credential by, or is activating it under.</summary>
    public string ProviderLogin() => ProviderUsername ?? Username;

    /// <summary>Every login-email value this credential may still log in with at the provider.</summary>
    public IEnumerable<string> LoginValues() =>
        new[] { Username, ProviderUsername }.OfType<string>().Select(u => u.ToLowerInvariant()).Concat(FormerLogins).Distinct();

    /// <summary>Whether the provider may let this live credential in with <paramref name="value"/> (lower-cased).</summary>
    public bool MayBeKnownAs(string value) =>
        (Status == CredentialStatuses.Active && ProviderUsername?.ToLowerInvariant() == value) || FormerLogins.Contains(value);

    /// <summary>The provider confirmed it knows the credential by <paramref name="username"/> alone: answers the former logins it no longer holds.</summary>
    public IReadOnlyList<string> KnownAtProviderAs(string username)
    {
        ProviderUsername = username;
        var former = FormerLogins.ToList();
        FormerLogins.Clear();
        return former;
    }

    /// <summary>Whether the identity provider still has to hear about this credential.</summary>
    public bool AwaitsProvider() =>
        Status == CredentialStatuses.Activating
        || (Status == CredentialStatuses.Active && !string.Equals(ProviderUsername, Username, StringComparison.Ordinal));
}
