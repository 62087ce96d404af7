using Customers.Grains.Credentials;
using Customers.Grains.Indexing;
using Customers.Grains.Validation;

namespace Customers.Grains.Customers;

/// <summary>
/// The customer's credential. Its username shares the login-email index with a digital customer's
/// e-mail, so one value can be both for the same customer: it is released only when neither uses it.
/// Identity provider calls (<see cref="IdentityProviderCalls"/>) report back through
/// <see cref="ICredentialProviderCallbacks"/>; a reminder retries them until they succeed.
/// </summary>
public sealed partial class CustomerGrain : ICustomerCredentialsGrain, ICredentialProviderCallbacks
{
    private const string CredentialReminder = "credential-provider-sync";

    public Task<Outcome<CustomerCredentials>> GetCredentials()
    {
        if (!Readable)
        {
            return Task.FromResult<Outcome<CustomerCredentials>>(NotFound);
        }

        var view = new CustomerCredentials { CustomerId = _id, Username = S.Credential?.Username };
        if (S.Credential is { } c)
        {
            view.Credentials.Add(new CredentialView
            {
                Id = c.Id,
                Username = c.Username,
                Status = c.Status,
                ExpirationDate = c.ExpirationDate,
                Expired = c.ExpirationDate is { } expiry && expiry < Today,
            });
        }

        return Task.FromResult(Outcome<CustomerCredentials>.Success(view));
    }

    public Task<Outcome<CredentialCreated>> CreateCredential(CredentialRequest request) =>
        AddCredential(request, CredentialStatuses.Reserved);

    public Task<Outcome<CredentialCreated>> MigrateCredential(CredentialRequest request) =>
        AddCredential(request, CredentialStatuses.Active);

    public async Task<Outcome> ActivateCredential()
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        if (S.Credential is not { } credential)
        {
            return NoCredential;
        }

        if (credential.Status == CredentialStatuses.Active)
        {
            return Outcome.Conflict("the credential is already ACTIVE");
        }

        if (credential.Status == CredentialStatuses.Reserved)
        {
            // The reminder is stored before the state: a crash in between leaves a reminder that
            // finds nothing to do, never an ACTIVATING credential that nothing retries.
            await EnsureCredentialReminder();
            var snapshot = Snapshot();
            credential.Status = CredentialStatuses.Activating;
            Record(EventTypes.CredentialActivated, "credentials.status");
            await WriteOrRevert(snapshot);
        }

        CallIdentityProvider();
        return Outcome.Ok;
    }

    public async Task<Outcome> SetCredentialExpiration(string? expirationDate)
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        var v = new Violations();
        var date = CredentialRules.ExpirationDate(v, expirationDate);
        if (v.Any)
        {
            return v.ToOutcome();
        }

        if (S.Credential is null)
        {
            return NoCredential;
        }

        if (S.Credential.ExpirationDate == date)
        {
            return Outcome.Ok;
        }

        var snapshot = Snapshot();
        S.Credential.ExpirationDate = date;
        Record(EventTypes.CredentialExpirationChanged, "credentials.expiration_date");
        await WriteOrRevert(snapshot);
        return Outcome.Ok;
    }

    public async Task<Outcome> ChangeCredentialUsername(CredentialRequest request)
    {
        var (username, refusal) = CheckUsername(request);
        if (refusal is not null)
        {
            return refusal;
        }

        if (S.Credential is not { } credential)
        {
            return NoCredential;
        }

        if (username == credential.Username)
        {
            return Outcome.Ok;
        }

        var oldValue = credential.IndexedUsername();
        var newValue = username!.ToLowerInvariant();
        var claim = await Claim([new UniqueValue(IndexKinds.LoginEmail, newValue)]);
        if (claim.Refused is not null)
        {
            return UsernameTaken;
        }

        var tellsProvider = credential.Status == CredentialStatuses.Active;
        if (tellsProvider)
        {
            await EnsureCredentialReminder();
        }

        var snapshot = Snapshot();
        if (credential.KnownToProvider() && !credential.MayBeKnownAs(oldValue))
        {
            // An activation or a rename under way may be handing the old name to the provider.
            credential.FormerLogins.Add(oldValue);
        }

        credential.Username = username;
        Record(EventTypes.CredentialUsernameChanged, "credentials.username");
        if (await claim.Commit(() => WriteOrRevert(snapshot), HoldsStored, () => Restore(snapshot)) is not null)
        {
            return UsernameTaken;
        }

        if (newValue != oldValue)
        {
            await ReleaseLoginEmailUnlessUsed(oldValue);
        }

        if (tellsProvider)
        {
            CallIdentityProvider();
        }

        return Outcome.Ok;
    }

    public async Task<Outcome> DeleteCredential(Guid credentialId)
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        if (S.Credential is not { } credential || credential.Id != credentialId)
        {
            return Outcome.NotFound("credential not found");
        }

        // A credential the provider may let in keeps its usernames taken until the provider removed it.
        var retires = credential.KnownToProvider();
        if (retires)
        {
            await EnsureCredentialReminder();
        }

        var snapshot = Snapshot();
        S.Credential = null;
        if (retires)
        {
            S.RetiredCredentials.Add(credential);
        }

        Record(EventTypes.CredentialDeleted, "credentials");
        await WriteOrRevert(snapshot);
        await ReleaseLoginEmailUnlessUsed(credential.IndexedUsername());
        CallIdentityProvider();
        return Outcome.Ok;
    }

    public async Task CredentialProviderAnswered(CredentialProviderAnswer answer)
    {
        ProviderCalls.Answered(answer.CredentialId);
        if (!answer.Succeeded)
        {
            // Retried by the reminder.
            return;
        }

        if (answer.Call == CredentialProviderCall.Removal)
        {
            await CredentialRemovedAtProvider(answer.CredentialId);
            return;
        }

        if (!S.IsLive || S.Credential is not { } credential || credential.Id != answer.CredentialId)
        {
            // An answer about a credential since deleted is moot; its removal may have waited for it.
            await CallOrStopIdentityProvider();
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (answer.Call == CredentialProviderCall.Activation && credential.Status == CredentialStatuses.Activating)
        {
            var snapshot = Snapshot();
            credential.Status = CredentialStatuses.Active;
            credential.ActivatedAt = now;
            var former = credential.KnownAtProviderAs(answer.Username!);
            await WriteOrRevert(snapshot);
            await ReleaseLoginEmailsUnlessUsed(former);
        }
        else if (answer.Call == CredentialProviderCall.UsernameChange
            && credential.Status == CredentialStatuses.Active
            && credential.ProviderUsername == answer.FromUsername)
        {
            var snapshot = Snapshot();
            var former = credential.KnownAtProviderAs(answer.Username!);
            await WriteOrRevert(snapshot);

            // The provider no longer knows the old usernames: now they may go to someone else.
            await ReleaseLoginEmailsUnlessUsed([answer.FromUsername!.ToLowerInvariant(), .. former]);
        }

        await CallOrStopIdentityProvider();
    }

    private Task OnCredentialReminder() => CallOrStopIdentityProvider();

    private async Task CallOrStopIdentityProvider()
    {
        if (AwaitsIdentityProvider())
        {
            CallIdentityProvider();
        }
        else
        {
            await StopCredentialReminder();
        }
    }

    private bool AwaitsIdentityProvider() =>
        (S.IsLive && S.Credential?.AwaitsProvider() == true) || S.RetiredCredentials.Count > 0;

    /// <summary>The provider confirmed a retired credential is gone: its usernames are free again.</summary>
    private async Task CredentialRemovedAtProvider(Guid credentialId)
    {
        if (S.RetiredCredentials.Find(c => c.Id == credentialId) is { } retired)
        {
            var snapshot = Snapshot();
            S.RetiredCredentials.Remove(retired);
            await WriteOrRevert(snapshot);
            await ReleaseLoginEmailsUnlessUsed(retired.LoginValues());
        }

        await CallOrStopIdentityProvider();
        await ContinueErasureIfRequested();
    }

    /// <summary>
    /// Moves a credential the provider may let in to the retired ones, which keep its usernames
    /// taken until the provider removed it. The caller writes the state; the reminder is stored first.
    /// </summary>
    private async Task<bool> RetireCredentialAtProvider()
    {
        if (S.Credential is not { } credential || !credential.KnownToProvider())
        {
            return false;
        }

        await EnsureCredentialReminder();
        S.RetiredCredentials.Add(copier.Copy(S).Credential!);
        // Kept for the export of a deleted customer, marked so it is never retired twice.
        credential.RetiredAt = time.GetUtcNow().UtcDateTime;
        return true;
    }

    private async Task<Outcome<CredentialCreated>> AddCredential(CredentialRequest request, string status)
    {
        var (username, refusal) = CheckUsername(request);
        if (refusal is not null)
        {
            return refusal;
        }

        if (S.Credential is not null)
        {
            return Outcome.Conflict("the customer already has a credential");
        }

        // Each deleted credential waits in the record until the provider confirmed its removal.
        if (S.RetiredCredentials.Count >= Histories.MaxEntries)
        {
            return Outcome.Conflict($"{Histories.MaxEntries} deleted credentials still wait for the identity provider to remove them");
        }

        var claim = await Claim([new UniqueValue(IndexKinds.LoginEmail, username!.ToLowerInvariant())]);
        if (claim.Refused is not null)
        {
            return UsernameTaken;
        }

        var snapshot = Snapshot();
        var migrated = status == CredentialStatuses.Active;
        var now = time.GetUtcNow().UtcDateTime;
        S.Credential = new CredentialState
        {
            Id = Guid.NewGuid(),
            Username = username,
            Status = status,
            CreatedAt = now,
            ProviderUsername = migrated ? username : null,
            ActivatedAt = migrated ? now : null,
        };
        Record(EventTypes.CredentialCreated, "credentials");
        if (await claim.Commit(() => WriteOrRevert(snapshot), HoldsStored, () => Restore(snapshot)) is not null)
        {
            return UsernameTaken;
        }

        return Outcome<CredentialCreated>.Success(new CredentialCreated(S.Credential.Id));
    }

    /// <summary>Starts the identity provider calls the customer's credentials wait for.</summary>
    private void CallIdentityProvider()
    {
        var callbacks = this.AsReference<ICredentialProviderCallbacks>();
        foreach (var retired in S.RetiredCredentials)
        {
            ProviderCalls.Start(_org, _id, retired, removal: true, callbacks);
        }

        if (S.IsLive && S.Credential is { } credential && credential.AwaitsProvider())
        {
            ProviderCalls.Start(_org, _id, credential, removal: false, callbacks);
        }
    }

    private Task EnsureCredentialReminder()
    {
        var period = ProviderCalls.RetryPeriod;
        return this.RegisterOrUpdateReminder(CredentialReminder, period, period);
    }

    private async Task StopCredentialReminder()
    {
        if (await this.GetReminder(CredentialReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Frees a login-email value this customer no longer uses as its digital e-mail nor as its username.</summary>
    private Task ReleaseLoginEmailUnlessUsed(string value) => ReleaseLoginEmailsUnlessUsed([value]);

    private Task ReleaseLoginEmailsUnlessUsed(IEnumerable<string> values) =>
        Free(values.Distinct().Where(v => !S.UsesLoginValue(v)).Select(v => new UniqueValue(IndexKinds.LoginEmail, v)).ToArray());

    /// <summary>The username a credential request asks for, or what refuses it.</summary>
    private (string? Username, Outcome? Refusal) CheckUsername(CredentialRequest request)
    {
        if (!S.IsLive)
        {
            return (null, NotFound);
        }

        var v = new Violations();
        var username = CredentialRules.Username(v, request.Username);
        return v.Any ? (null, v.ToOutcome()) : (username, null);
    }

    private static Outcome NoCredential => Outcome.NotFound("the customer has no credential");

    private static Outcome UsernameTaken => Outcome.Conflict("username already belongs to another customer");
}
