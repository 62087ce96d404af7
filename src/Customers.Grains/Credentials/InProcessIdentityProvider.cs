using Microsoft.Extensions.Options;

namespace Customers.Grains.Credentials;

/// <summary>
/// The identity provider used when no other is configured: it confirms every request after
/// <see cref="InProcessIdentityProviderOptions.ConfirmationDelay"/>, the way a remote provider answers later.
/// </summary>
public sealed class InProcessIdentityProvider(TimeProvider time, IOptions<InProcessIdentityProviderOptions> options) : IIdentityProvider
{
    public Task ActivateAsync(IdentityActivation activation, CancellationToken cancellationToken) =>
        Task.Delay(options.Value.ConfirmationDelay, time, cancellationToken);

    public Task ChangeUsernameAsync(IdentityUsernameChange change, CancellationToken cancellationToken) =>
        Task.Delay(options.Value.ConfirmationDelay, time, cancellationToken);

    public Task RemoveAsync(IdentityRemoval removal, CancellationToken cancellationToken) =>
        Task.Delay(options.Value.ConfirmationDelay, time, cancellationToken);
}

public sealed class InProcessIdentityProviderOptions
{
    public const string Section = "IdentityProvider";

    public TimeSpan ConfirmationDelay { get; set; } = TimeSpan.FromSeconds(1);
}
