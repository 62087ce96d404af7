using System.Text.Json.Serialization;
using Customers.Grains.Credentials;

namespace Customers.Grains.Customers;

public sealed partial class CustomerState
{
    /// <summary>The current credential; null when the customer has none.</summary>
    [Id(40)] public CredentialState? Credential { get; set; }

    /// <summary>
    /// Deleted credentials the identity provider may still let in: each keeps its usernames taken
    /// until the provider confirms their removal.
    /// </summary>
    [Id(42), JsonConverter(typeof(EmptyListAsNull))] public List<CredentialState> RetiredCredentials { get => field ??= []; set; }

    /// <summary>
    /// Whether the identity provider may still let someone in with <paramref name="value"/> (a
    /// lower-cased login value): the username an ACTIVE credential is known by until a rename is
    /// confirmed, a name an ACTIVE or ACTIVATING credential was renamed from until the provider
    /// confirmed another, and every username of a retired credential until its removal is
    /// confirmed. Such a value stays taken.
    /// </summary>
    public bool HeldAtProvider(string value) =>
        (IsLive && Credential is { } credential && credential.MayBeKnownAs(value))
        || RetiredCredentials.Exists(c => c.LoginValues().Contains(value));

    /// <summary>Whether <paramref name="value"/> is this customer's digital e-mail, its username, or held at the provider.</summary>
    public bool UsesLoginValue(string value) =>
        (IsLive && (LoginEmail == value || Credential?.IndexedUsername() == value)) || HeldAtProvider(value);
}
