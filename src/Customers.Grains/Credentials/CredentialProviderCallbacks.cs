namespace Customers.Grains.Credentials;

/// <summary>
/// How an identity provider call, run off the grain's turn, reports back to the customer grain.
/// Not in the abstractions: only the grain itself may claim the provider answered.
/// </summary>
public interface ICredentialProviderCallbacks : IGrainWithStringKey
{
    Task CredentialProviderAnswered(CredentialProviderAnswer answer);
}

public enum CredentialProviderCall
{
    Activation,
    UsernameChange,
    Removal,
}

/// <param name="FromUsername">For a username change, the username the provider knew before.</param>
/// <param name="Username">The username the provider now knows the credential by.</param>
[GenerateSerializer, Immutable]
public sealed record CredentialProviderAnswer(
    [property: Id(0)] Guid CredentialId,
    [property: Id(1)] CredentialProviderCall Call,
    [property: Id(2)] string? FromUsername,
    [property: Id(3)] string Username,
    [property: Id(4)] bool Succeeded);
