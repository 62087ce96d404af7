using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Customers.Grains.Credentials;

/// <summary>
/// One customer's calls to the identity provider. Each runs off the grain's turn, so a slow provider
/// never holds up the customer's other requests, and reports back through
/// <see cref="ICredentialProviderCallbacks"/>; at most one call per credential is under way until it
/// answers or times out. One instance per customer grain activation.
/// </summary>
public sealed class IdentityProviderCalls(
    IIdentityProvider provider,
    IOptions<CredentialOptions> options,
    TimeProvider time,
    ILogger<IdentityProviderCalls> logger)
{
    /// <summary>When the call now under way for each credential started; most customers never need it.</summary>
    private Dictionary<Guid, DateTimeOffset>? _startedAt;

    public TimeSpan RetryPeriod => options.Value.ProviderRetryPeriod;

    /// <summary>Starts the call <paramref name="credential"/> waits for, unless one is under way.</summary>
    public void Start(string org, Guid customerId, CredentialState credential, bool removal, ICredentialProviderCallbacks callbacks)
    {
        var timeout = options.Value.ProviderTimeout;
        var now = time.GetUtcNow();
        _startedAt ??= [];
        if (_startedAt.TryGetValue(credential.Id, out var started) && now - started < timeout)
        {
            return;
        }

        _startedAt[credential.Id] = now;
        var id = credential.Id;
        if (removal)
        {
            var login = credential.ProviderLogin();
            var request = new IdentityRemoval(org, customerId, id, login);
            Run(token => provider.RemoveAsync(request, token), new(id, CredentialProviderCall.Removal, null, login, Succeeded: false), callbacks, timeout);
        }
        else if (credential.Status == CredentialStatuses.Activating)
        {
            var activation = new IdentityActivation(org, customerId, id, credential.Username);
            Run(token => provider.ActivateAsync(activation, token), new(id, CredentialProviderCall.Activation, null, credential.Username, Succeeded: false), callbacks, timeout);
        }
        else
        {
            var known = credential.ProviderUsername!;
            var change = new IdentityUsernameChange(org, customerId, id, known, credential.Username);
            Run(token => provider.ChangeUsernameAsync(change, token), new(id, CredentialProviderCall.UsernameChange, known, credential.Username, Succeeded: false), callbacks, timeout);
        }
    }

    /// <summary>The call for <paramref name="credentialId"/> answered: a next one may start.</summary>
    public void Answered(Guid credentialId) => _startedAt?.Remove(credentialId);

    private void Run(Func<CancellationToken, Task> call, CredentialProviderAnswer answer, ICredentialProviderCallbacks callbacks, TimeSpan timeout) =>
        _ = Task.Run(() => Call(call, answer, callbacks, timeout));

    private async Task Call(Func<CancellationToken, Task> call, CredentialProviderAnswer answer, ICredentialProviderCallbacks callbacks, TimeSpan timeout)
    {
        try
        {
            using var cancellation = new CancellationTokenSource(timeout);
            await call(cancellation.Token);
            answer = answer with { Succeeded = true };
        }
        catch (Exception e)
        {
            // Usernames are personal data: the log names the credential only.
            logger.LogWarning("Identity provider {Call} for credential {CredentialId} failed ({Error}); a reminder retries it",
                answer.Call, answer.CredentialId, e.GetType().Name);
        }

        try
        {
            await callbacks.CredentialProviderAnswered(answer);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not record the identity provider's answer for credential {CredentialId}; a reminder retries it", answer.CredentialId);
        }
    }
}
