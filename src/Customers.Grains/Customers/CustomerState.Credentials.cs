using Customers.Grains.Credentials;

namespace Customers.Grains.Customers;

public sealed partial class CustomerState
{
    /// <summary>The current credential; null when the customer has none.</summary>
    [Id(40)] public CredentialState? Credential { get; set; }
}
