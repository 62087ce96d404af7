using Customers.Grains.Indexing;
using Customers.Grains.Validation;
using Orleans.Serialization;

namespace Customers.Grains.Customers;

public sealed partial class CustomerGrain(
    [PersistentState("customer", StorageNames.Default)] IPersistentState<CustomerState> state,
    TimeProvider time,
    DeepCopier<CustomerState> copier) : Grain, ICustomerGrain, IIndexedValueHolder
{
    private string _org = "";
    private Guid _id;

    private CustomerView? _view;
    private StoredIndexValues _stored = StoredIndexValues.Of(new CustomerState());

    private CustomerState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_org, _id) = GrainKeys.ParseEntity(this.GetPrimaryKeyString());
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
            ContactInfo = request.ContactInfo,
            PersonalInfo = request.Type == CustomerTypes.Private ? request.PersonalInfo : null,
            CompanyInfo = request.Type == CustomerTypes.Corporate ? request.CompanyInfo : null,
            DigitalPersonalInfo = request.Type == CustomerTypes.Digital ? request.DigitalPersonalInfo : null,
        };

        // The external id comes from memory almost always, so its index is reserved alongside the
        // unique values instead of after them: one round trip to storage fewer per creation.
        var unique = UniqueValues(candidate);
        candidate.ExternalId = (await GrainFactory.GetGrain<ISequenceGrain>(GrainKeys.Sequence(_org, SequenceKinds.Customers)).Next())
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reserved = unique.Append((Kind: IndexKinds.CustomerExternalId, Value: candidate.ExternalId)).ToList();
        var reservations = await Task.WhenAll(reserved.Select(u => Index(u.Kind, u.Value).Reserve(_id)));
        if (reservations.Any(r => !r))
        {
            await ReleaseAll(reserved.Where((_, i) => reservations[i]));
            return Outcome.Conflict(ConflictMessage(reserved.Where((_, i) => !reservations[i]).First().Kind));
        }

        var now = time.GetUtcNow().UtcDateTime;
        candidate.CreatedAt = now;
        candidate.UpdatedAt = now;
        state.State = candidate;
        Record(EventTypes.CustomerCreated);
        try
        {
            await WriteOrRevert(new CustomerState());
        }
        catch
        {
            // Not stored: a retry must find the values free, not reserved by a customer that does not exist.
            await ReleaseAll(reserved);
            throw;
        }

        // A reservation taken over while this customer was being written loses to the new holder.
        var held = await Task.WhenAll(unique.Select(u => Index(u.Kind, u.Value).IsHeldBy(_id)));
        if (held.Any(h => !h))
        {
            S.DeletedAt = now;
            Record(EventTypes.CustomerDeleted);
            await WriteOrRevert(copier.Copy(S));
            await ReleaseAll(unique.Append((IndexKinds.CustomerExternalId, candidate.ExternalId)));
            return Outcome.Conflict(ConflictMessage(unique.Where((_, i) => !held[i]).First().Kind));
        }

        return Outcome<CustomerCreated>.Success(new CustomerCreated(_id, candidate.ExternalId));
    }

    /// <summary>
    /// The view is built once per written version from a private copy of the state and handed out
    /// as immutable, so a read costs no copy; every write drops it.
    /// </summary>
    public Task<CustomerView?> Get() => Task.FromResult(S.IsLive ? _view ??= ToView(copier.Copy(S)) : null);

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

        var oldEmail = S.LoginEmail;
        var newEmail = request.DigitalPersonalInfo?.Email?.ToLowerInvariant();
        var emailChanges = newEmail is not null && newEmail != oldEmail;
        if (emailChanges && !await Index(IndexKinds.LoginEmail, newEmail!).Reserve(_id))
        {
            return Outcome.Conflict(ConflictMessage(IndexKinds.LoginEmail));
        }

        var snapshot = Snapshot();
        Apply(request);
        if (S.Type != CustomerTypes.Digital && (S.ContactInfo?.PhoneNumbers?.Count ?? 0) == 0 && (S.ContactInfo?.Emails?.Count ?? 0) == 0)
        {
            state.State = snapshot;
            await ReleaseIfReserved(emailChanges ? newEmail : null);
            return Outcome.Invalid("contact_info", "must have at least one phone number or e-mail");
        }

        S.UpdatedAt = time.GetUtcNow().UtcDateTime;
        Record(EventTypes.CustomerUpdated, CustomerChanges.Of(request));
        await WriteOrRevert(snapshot);

        if (emailChanges)
        {
            if (!await Index(IndexKinds.LoginEmail, newEmail!).IsHeldBy(_id))
            {
                await Restore(snapshot);
                return Outcome.Conflict(ConflictMessage(IndexKinds.LoginEmail));
            }

            if (oldEmail is not null)
            {
                await ReleaseLoginEmailUnlessUsed(oldEmail);
            }
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
        await ReleaseAll(UniqueValues(S)
            .Where(v => v.Kind != IndexKinds.LoginEmail || !HeldAtProvider(v.Value))
            .Append((IndexKinds.CustomerExternalId, S.ExternalId)));
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

        var snapshot = Snapshot();
        S.CompanyInfo!.AssociatedUsers = request.AssociatedUsers;
        S.UpdatedAt = time.GetUtcNow().UtcDateTime;
        Record(EventTypes.CustomerUpdated, "company_info.associated_users");
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
        if (!await Index(IndexKinds.Document, newValue).Reserve(_id))
        {
            return Outcome.Conflict(ConflictMessage(IndexKinds.Document));
        }

        var snapshot = Snapshot();
        document.Type = IdentityDocumentTypes.Nif;
        document.Number = nif;
        S.UpdatedAt = time.GetUtcNow().UtcDateTime;
        Record(EventTypes.CustomerUpdated, "personal_info.identity_document");
        await WriteOrRevert(snapshot);

        if (!await Index(IndexKinds.Document, newValue).IsHeldBy(_id))
        {
            await Restore(snapshot);
            return Outcome.Conflict(ConflictMessage(IndexKinds.Document));
        }

        await Index(IndexKinds.Document, oldValue).Release(_id);
        return Outcome.Ok;
    }

    public Task<CustomerRef?> ResolveIndexed(string kind, string value) =>
        Task.FromResult(_stored.Holds(kind, value) ? new CustomerRef(_id, _stored.ExternalId) : null);

    public async Task<bool> HoldsIndexed(string kind, string value) =>
        await ResolveIndexed(kind, value) is not null || (kind == IndexKinds.LoginEmail && HeldAtProvider(value));

    private Task ReleaseIfReserved(string? email) =>
        email is null ? Task.CompletedTask : ReleaseLoginEmailUnlessUsed(email);

    private static Outcome NotFound => Outcome.NotFound("customer not found");

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private IUniqueIndexGrain Index(string kind, string value) =>
        GrainFactory.GetGrain<IUniqueIndexGrain>(GrainKeys.Index(_org, kind, value));

    private static List<(string Kind, string Value)> UniqueValues(CustomerState customer)
    {
        var values = new List<(string, string)>(1);
        if (customer.DocumentIndexValue is { } document)
        {
            values.Add((IndexKinds.Document, document));
        }

        if (customer.LoginEmail is { } email)
        {
            values.Add((IndexKinds.LoginEmail, email));
        }

        if (customer.Credential?.IndexedUsername() is { } username && username != customer.LoginEmail)
        {
            values.Add((IndexKinds.LoginEmail, username));
        }

        return values;
    }

    private static string ConflictMessage(string kind) => kind switch
    {
        IndexKinds.Document => "identity document already belongs to another customer",
        IndexKinds.LoginEmail => "e-mail already belongs to another customer",
        _ => "value already taken",
    };

    private Task ReleaseAll(IEnumerable<(string Kind, string Value)> values) =>
        Task.WhenAll(values.Select(v => Index(v.Kind, v.Value).Release(_id)));

    /// <summary>A deep copy taken before a change, so a failed write leaves memory as storage has it.</summary>
    private CustomerState Snapshot() => copier.Copy(S);

    /// <summary>Persists the state; a failed write leaves memory as storage has it.</summary>
    private async Task WriteOrRevert(CustomerState previous)
    {
        _view = null;
        try
        {
            S.TrimHistories();
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }

        _stored = StoredIndexValues.Of(S);
    }

    /// <summary>Puts back a state that a later check (a lost reservation) invalidated.</summary>
    private async Task Restore(CustomerState snapshot)
    {
        var current = S;
        state.State = snapshot;
        await WriteOrRevert(current);
    }

    private void Apply(PatchCustomerRequest request)
    {
        if (request.PreferredLanguage is not null)
        {
            S.PreferredLanguage = request.PreferredLanguage;
        }

        if (request.ContactInfo is { } contact)
        {
            S.ContactInfo ??= new ContactInfo();
            if (contact.PhoneNumbers is not null)
            {
                CustomerRules.NormalizeDefaults(contact);
                S.ContactInfo.PhoneNumbers = contact.PhoneNumbers;
            }

            if (contact.Emails is not null)
            {
                CustomerRules.NormalizeDefaults(contact);
                S.ContactInfo.Emails = contact.Emails;
            }

            if (contact.PostalAddress is not null)
            {
                S.ContactInfo.PostalAddress = contact.PostalAddress;
            }
        }

        if (request.PersonalInfo is { } p && S.PersonalInfo is { } personal)
        {
            personal.Name = p.Name ?? personal.Name;
            personal.FirstSurname = p.FirstSurname ?? personal.FirstSurname;
            personal.SecondSurname = p.SecondSurname ?? personal.SecondSurname;
            personal.Gender = p.Gender ?? personal.Gender;
            personal.Nationality = p.Nationality ?? personal.Nationality;
            personal.Birthdate = p.Birthdate ?? personal.Birthdate;
        }

        if (request.CompanyInfo is { Name: { } companyName } && S.CompanyInfo is { } company)
        {
            company.Name = companyName;
        }

        if (request.DigitalPersonalInfo is { } d && S.DigitalPersonalInfo is { } digital)
        {
            digital.Email = d.Email ?? digital.Email;
            digital.Name = d.Name ?? digital.Name;
            digital.FirstSurname = d.FirstSurname ?? digital.FirstSurname;
        }
    }

    private CustomerView ToView(CustomerState copy) => new()
    {
        Id = _id,
        ExternalId = copy.ExternalId,
        Type = copy.Type,
        PreferredLanguage = copy.PreferredLanguage,
        Segment = copy.Segment,
        ContactInfo = copy.ContactInfo,
        PersonalInfo = copy.PersonalInfo,
        CompanyInfo = copy.CompanyInfo,
        DigitalPersonalInfo = copy.DigitalPersonalInfo,
        CreatedAt = copy.CreatedAt,
        UpdatedAt = copy.UpdatedAt,
    };

}
