namespace Customers;

/// <summary>
/// The credential a customer authenticates with. Key: <see cref="GrainKeys.Customer"/>; the same
/// activation as <see cref="ICustomerGrain"/>, so credential rules see the customer's live state.
/// </summary>
public interface ICustomerCredentialsGrain : IGrainWithStringKey
{
    Task<Outcome<CustomerCredentials>> GetCredentials();

    /// <summary>A new credential in status RESERVED.</summary>
    Task<Outcome<CredentialCreated>> CreateCredential(CredentialRequest request);

    /// <summary>A credential migrated from the legacy system: ACTIVE at once, already known to the identity provider.</summary>
    Task<Outcome<CredentialCreated>> MigrateCredential(CredentialRequest request);

    /// <summary>RESERVED → ACTIVATING; ACTIVE once the identity provider confirms, retried until it does.</summary>
    Task<Outcome> ActivateCredential();

    /// <summary>Sets (<c>yyyy-MM-dd</c>) or, with null, removes the current credential's expiration date.</summary>
    Task<Outcome> SetCredentialExpiration(string? expirationDate);

    /// <summary>An ACTIVE credential's new username also goes to the identity provider; the change is recorded as <c>credential.username_changed</c>.</summary>
    Task<Outcome> ChangeCredentialUsername(CredentialRequest request);

    Task<Outcome> DeleteCredential(Guid credentialId);
}
