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
    [Id(42)] public List<CredentialState> RetiredCredentials { get; set; } = [];
}
