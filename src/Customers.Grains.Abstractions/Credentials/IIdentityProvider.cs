namespace Customers;

/// <summary>
/// The identity provider that authenticates customers with their credentials. Calls may fail or
/// time out; the customer grain retries them until they succeed, so they must be idempotent.
/// </summary>
public interface IIdentityProvider
{
    /// <summary>Completes once the provider has confirmed the credential can be used.</summary>
    Task ActivateAsync(IdentityActivation activation, CancellationToken cancellationToken);

    /// <summary>Completes once the provider knows the credential by its new username.</summary>
    Task ChangeUsernameAsync(IdentityUsernameChange change, CancellationToken cancellationToken);

    /// <summary>
    /// Completes once the provider no longer lets the credential log in. Called for a credential that
    /// was ACTIVE or ACTIVATING when it was deleted; removing one the provider does not know succeeds.
    /// </summary>
    Task RemoveAsync(IdentityRemoval removal, CancellationToken cancellationToken);
}

public sealed record IdentityActivation(string Org, Guid CustomerId, Guid CredentialId, string Username);

public sealed record IdentityUsernameChange(string Org, Guid CustomerId, Guid CredentialId, string OldUsername, string NewUsername);

/// <param name="Username">The username the provider knows the credential by (or was asked to activate it under).</param>
public sealed record IdentityRemoval(string Org, Guid CustomerId, Guid CredentialId, string Username);
