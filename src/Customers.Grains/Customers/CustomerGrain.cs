using Customers.Grains.Credentials;
using Customers.Grains.Indexing;
using Customers.Grains.Privacy;
using Customers.Grains.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Customers.Grains.Customers;

public sealed partial class CustomerGrain(
    [PersistentState("customer", StorageNames.Default)] IPersistentState<CustomerState> state,
    TimeProvider time,
    DeepCopier<CustomerState> copier,
    IDocumentStore documents,
    IErasureProbe erasureProbe,
    IOptions<ReminderOptions> reminders,
    IndexKeys indexKeys,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain, IIndexedValueHolder
{
    private string _org = "";
    private Guid _id;

    private StoredIndexValues _stored = StoredIndexValues.None;

    /// <summary>Made on first use: most customers never call the identity provider.</summary>
    private IdentityProviderCalls? _providerCalls;

    private CustomerState S => state.State;

    private IdentityProviderCalls ProviderCalls => _providerCalls ??= ServiceProvider.GetRequiredService<IdentityProviderCalls>();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (var org, _id) = GrainKeys.ParseEntity(this.GetPrimaryKeyString());
        _org = SharedCodes.Of(org);
        _stored = StoredIndexValues.Of(S);
        return Task.CompletedTask;
    }

    public async Task<Outcome<CustomerCreated>> Create(CreateCustomerRequest request)
    {
        if (S.Exists || S.ErasedAt is not null)
        {
            return Outcome.Conflict("customer already exists");
        }

        request = CustomerRules.Normalize(request);
        var violations = CustomerRules.ValidateCreate(request, Today);
        if (violations.Any)
        {
            return violations.ToOutcome();
        }

        var candidate = new CustomerState
        {
            Type = request.Type!,
            PreferredLanguage = request.PreferredLanguage,
            Segment = request.Type == CustomerTypes.Digital ? null : request.Segment,
            ContactInfo = StoredContact.From(request.ContactInfo),
            PersonalInfo = request.Type == CustomerTypes.Private ? StoredPerson.From(request.PersonalInfo) : null,
            CompanyInfo = request.Type == CustomerTypes.Corporate ? StoredCompany.From(request.CompanyInfo) : null,
            DigitalPersonalInfo = request.Type == CustomerTypes.Digital ? StoredDigitalProfile.From(request.DigitalPersonalInfo) : null,
        };

        // The external id comes from memory almost always, so its index is claimed alongside the
        // unique values instead of after them: one round trip to storage fewer per creation.
        candidate.ExternalId = (await GrainFactory.Ref<ISequenceGrain>(GrainKeys.Sequence(_org, SequenceKinds.Customers)).Next())
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        var claim = await Claim(candidate.UniqueValues());
        if (claim.Refused is { } refused)
        {
            return Outcome.Conflict(ConflictMessage(refused.Kind));
        }

        var now = time.GetUtcNow().UtcDateTime;
        candidate.CreatedAt = now;
        candidate.UpdatedAt = now;
        state.State = candidate;
        Record(EventTypes.CustomerCreated);
        var lost = await claim.Commit(() => WriteOrRevert(new CustomerState()), HoldsStored, () =>
        {
            S.DeletedAt = now;
            Record(EventTypes.CustomerDeleted);
            return WriteOrRevert(copier.Copy(S));
        });
        if (lost is { } taken)
        {
            return Outcome.Conflict(ConflictMessage(taken.Kind));
        }

        return Outcome<CustomerCreated>.Success(new CustomerCreated(_id, candidate.ExternalId));
    }

    /// <summary>Built on each read, not cached: an active customer costs memory for its state only.</summary>
    public ValueTask<CustomerView?> Get() => new(S.IsLive ? S.ToView(_id) : null);

    public async Task<Outcome> Update(PatchCustomerRequest request)
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        request = CustomerRules.Normalize(request);
        var violations = CustomerRules.ValidatePatch(request, S.Type, Today);
        if (violations.Any)
        {
            return violations.ToOutcome();
        }

        var named = CustomerChanges.Named(request);
        if (named.Length == 0)
        {
            // A patch that names no field changes nothing: no write, no event.
            return Outcome.Ok;
        }

        var before = CustomerChanges.Shown(S, named);

        var oldEmail = S.LoginEmail;
        var newEmail = request.DigitalPersonalInfo?.Email?.ToLowerInvariant();
        var emailChanges = newEmail is not null && newEmail != oldEmail;
        var claim = await Claim(emailChanges ? [new UniqueValue(IndexKinds.LoginEmail, newEmail!)] : []);
        if (claim.Refused is { } refused)
        {
            return Outcome.Conflict(ConflictMessage(refused.Kind));
        }

        var snapshot = Snapshot();
        S.Apply(request);
        if (S.Type != CustomerTypes.Digital && (S.ContactInfo?.PhoneNumbers?.Count ?? 0) == 0 && (S.ContactInfo?.Emails?.Count ?? 0) == 0)
        {
            state.State = snapshot;
            await claim.Abandon();
            return Outcome.Invalid("contact_info", "must have at least one phone number or e-mail");
        }

        var changes = CustomerChanges.Between(named, before, CustomerChanges.Shown(S, named));
        if (changes.Length == 0)
        {
            // Every field sent with the value it has: nothing to write, nothing to record.
            state.State = snapshot;
            await claim.Abandon();
            return Outcome.Ok;
        }

        S.UpdatedAt = time.GetUtcNow().UtcDateTime;
        Record(EventTypes.CustomerUpdated, changes);
        if (await claim.Commit(() => WriteOrRevert(snapshot), HoldsStored, () => Restore(snapshot)) is { } lost)
        {
            return Outcome.Conflict(ConflictMessage(lost.Kind));
        }

        if (emailChanges && oldEmail is not null)
        {
            await ReleaseLoginEmailUnlessUsed(oldEmail);
        }

        return Outcome.Ok;
    }

    public async Task<Outcome> Delete()
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        await SettleOpenings();
        if (S.AccountIds.Count > 0 || S.Openings.Count > 0)
        {
            return Outcome.Conflict("customer still has live accounts");
        }

        var snapshot = Snapshot();
        var retired = await RetireCredentialAtProvider();
        S.DeletedAt = time.GetUtcNow().UtcDateTime;
        Record(EventTypes.CustomerDeleted);
        await WriteOrRevert(snapshot);
        await Free(S.UniqueValues().Where(v => !HoldsStored(v)));
        await ReleaseCatalogHoldings();
        if (retired)
        {
            CallIdentityProvider();
        }

        return Outcome.Ok;
    }

    public async Task<Outcome> ReplaceAssociatedUsers(AssociatedUsersRequest request)
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        request = CustomerRules.Normalize(request);
        var violations = CustomerRules.ValidateAssociatedUsers(request);
        if (S.Type != CustomerTypes.Corporate)
        {
            violations.Add("associated_users", "only a CORPORATE_CUSTOMER has associated users");
        }

        if (violations.Any)
        {
            return violations.ToOutcome();
        }

        string[] named = [CustomerChanges.AssociatedUsers];
        var before = CustomerChanges.Shown(S, named);
        var snapshot = Snapshot();
        S.CompanyInfo!.AssociatedUsers = StoredAssociatedUser.From(request.AssociatedUsers);
        if (CustomerChanges.Between(named, before, CustomerChanges.Shown(S, named)).Length == 0)
        {
            // The representative it already has: nothing to write, nothing to record.
            state.State = snapshot;
            return Outcome.Ok;
        }

        S.UpdatedAt = time.GetUtcNow().UtcDateTime;
        Record(EventTypes.CustomerUpdated, CustomerChanges.AssociatedUsers);
        await WriteOrRevert(snapshot);
        return Outcome.Ok;
    }

    public async Task<Outcome> ConvertNieToNif(ConvertNieToNifRequest request)
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        var v = new Violations();
        var nif = request.Nif is null ? null : SpanishDocuments.Normalize(request.Nif);
        if (nif is null)
        {
            v.Add("nif", "is required");
        }
        else if (!SpanishDocuments.IsValidNif(nif))
        {
            v.Add("nif", "is not a valid NIF");
        }

        if (v.Any)
        {
            return v.ToOutcome();
        }

        var document = S.IdentityDocument;
        if (document?.Type != IdentityDocumentTypes.Nie)
        {
            return Outcome.Conflict("the customer's identity document is not a NIE");
        }

        var oldValue = S.DocumentIndexValue!;
        var newValue = IndexKinds.DocumentValue(IdentityDocumentTypes.Nif, nif!);
        var claim = await Claim([new UniqueValue(IndexKinds.Document, newValue)]);
        if (claim.Refused is not null)
        {
            return Outcome.Conflict(ConflictMessage(IndexKinds.Document));
        }

        var snapshot = Snapshot();
        document.Type = IdentityDocumentTypes.Nif;
        document.Number = nif;
        S.UpdatedAt = time.GetUtcNow().UtcDateTime;
        Record(EventTypes.CustomerUpdated, S.PersonalInfo?.IdentityDocument is not null ? "personal_info.identity_document" : "company_info.identity_document");
        if (await claim.Commit(() => WriteOrRevert(snapshot), HoldsStored, () => Restore(snapshot)) is not null)
        {
            return Outcome.Conflict(ConflictMessage(IndexKinds.Document));
        }

        await Free([new UniqueValue(IndexKinds.Document, oldValue)]);
        return Outcome.Ok;
    }

    public Task<CustomerRef?> ResolveIndexed(string kind, string value) =>
        Task.FromResult(_stored.Holds(kind, value) ? new CustomerRef(_id, _stored.ExternalId) : null);

    public async Task<bool> HoldsIndexed(string kind, string value) =>
        await ResolveIndexed(kind, value) is not null || (kind == IndexKinds.LoginEmail && S.HeldAtProvider(value));

    private static Outcome NotFound => Outcome.NotFound("customer not found");

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Claims the values among <paramref name="values"/> this customer does not hold already.</summary>
    private Task<UniqueClaim> Claim(IEnumerable<UniqueValue> values) =>
        UniqueClaim.Reserve(GrainFactory, indexKeys, _org, _id, values.Where(v => !HoldsStored(v)));

    /// <summary>Whether the stored customer holds <paramref name="value"/>: what a failed or undone write must not free.</summary>
    private bool HoldsStored(UniqueValue value) =>
        _stored.Holds(value.Kind, value.Value) || (value.Kind == IndexKinds.LoginEmail && S.HeldAtProvider(value.Value));

    private Task Free(IEnumerable<UniqueValue> values) => UniqueClaim.Free(GrainFactory, indexKeys, _org, _id, values);

    private static string ConflictMessage(string kind) => kind switch
    {
        IndexKinds.Document => "identity document already belongs to another customer",
        IndexKinds.LoginEmail => "e-mail already belongs to another customer",
        _ => "value already taken",
    };

    /// <summary>A deep copy taken before a change, so a failed write leaves memory as storage has it.</summary>
    private CustomerState Snapshot() => copier.Copy(S);

    /// <summary>Persists the state; a failed write leaves memory as storage has it.</summary>
    private async Task WriteOrRevert(CustomerState previous)
    {
        try
        {
            await state.WriteOrReload(previous, () =>
            {
                S.TrimHistories();
                return state.WriteStateAsync();
            });
        }
        finally
        {
            _stored = StoredIndexValues.Of(S);
        }
    }

    /// <summary>Puts back a state that a later check (a lost reservation) invalidated.</summary>
    private async Task Restore(CustomerState snapshot)
    {
        var current = S;
        state.State = snapshot;
        await WriteOrRevert(current);
    }
}
