using System.Globalization;
using Customers.Grains.Indexing;
using Customers.Grains.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Serialization;

namespace Customers.Grains.Accounts;

public sealed partial class AccountGrain : Grain, IAccountGrain, IRemindable
{
    private readonly IPersistentState<AccountState> _state;
    private readonly TimeProvider _time;
    private readonly DeepCopier<AccountState> _copier;
    private readonly TokenizationOptions _tokenization;
    private readonly PaymentMethodsOptions _paymentMethods;
    private readonly ReminderOptions _reminders;
    private readonly ILogger<AccountGrain> _logger;
    private string _org = "";
    private Guid _id;
    private StoredAccountIndexValues _stored = StoredAccountIndexValues.Of(new AccountState());

    public AccountGrain(
        [PersistentState("account", StorageNames.Default)] IPersistentState<AccountState> state,
        TimeProvider time,
        DeepCopier<AccountState> copier,
        IOptions<TokenizationOptions> tokenization,
        IOptions<PaymentMethodsOptions> paymentMethods,
        IOptions<ReminderOptions> reminders,
        ILogger<AccountGrain> logger)
    {
        _state = state;
        _time = time;
        _copier = copier;
        _tokenization = tokenization.Value;
        _paymentMethods = paymentMethods.Value;
        _reminders = reminders.Value;
        _logger = logger;
    }

    private AccountState S => _state.State;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_org, _id) = GrainKeys.ParseEntity(this.GetPrimaryKeyString());
        _stored = StoredAccountIndexValues.Of(S);
        return Task.CompletedTask;
    }

    public async Task<Outcome<AccountCreated>> Create(OpenAccountCommand command)
    {
        if (S.Exists)
        {
            return Outcome.Conflict("account already exists");
        }

        var request = AccountRules.Normalize(command.Request);
        var violations = AccountRules.ValidateCreate(request, _paymentMethods.For(_org, request.Modality ?? ""));
        var billingAddress = request.BillingAddress;
        if (billingAddress is null)
        {
            if (command.CustomerPostalAddress is null)
            {
                violations.Add("billing_address", "is required when the customer has no postal address");
            }
            else
            {
                billingAddress = BillingAddress.From(command.CustomerPostalAddress);
            }
        }

        if (violations.Any)
        {
            return violations.ToOutcome();
        }

        var paymentMethod = request.PaymentMethod!;
        var reference = AccountRules.PendingReference(paymentMethod);
        if (reference is { } claimed && !await Index(IndexKinds.TokenizationReference, ReferenceValue(claimed)).Reserve(_id))
        {
            return ReferenceTaken;
        }

        var externalId = (await GrainFactory.GetGrain<ISequenceGrain>(GrainKeys.Sequence(_org, SequenceKinds.Accounts)).Next())
            .ToString(CultureInfo.InvariantCulture);
        if (!await Index(IndexKinds.AccountExternalId, externalId).Reserve(_id))
        {
            await ReleaseReference(reference);
            return Outcome.Conflict("the account external id handed out is already taken");
        }

        var now = Now;
        var candidate = new AccountState
        {
            CustomerId = command.CustomerId,
            CustomerExternalId = command.CustomerExternalId,
            ExternalId = externalId,
            ContractReference = AccountRules.ContractReferenceFor(externalId),
            Modality = request.Modality!,
            BillingAddresses = [new BillingAddressRecord { Address = billingAddress!, From = now }],
            Contracts = [new ContractRecord { Id = Guid.NewGuid(), StartDate = now }],
            Invoice = Invoice.OrgDefault(),
            CreatedAt = now,
            UpdatedAt = now,
        };

        if (reference is { } pending)
        {
            var expiresAt = now + _tokenization.Timeout;
            candidate.Tokenizations.Add(new TokenizationRecord { ReferenceId = pending, CreatedAt = now, UpdatedAt = now, ExpiresAt = expiresAt });
            // Armed before the write: a reminder for an account that never got written finds nothing and stops.
            await ArmNoLaterThan(expiresAt);
        }
        else
        {
            SetPaymentMethod(candidate, paymentMethod, now);
        }

        _state.State = candidate;
        Record(EventTypes.AccountCreated);
        try
        {
            await WriteOrRevert(new AccountState());
        }
        catch
        {
            // Not stored: nothing may stay reserved for an account that does not exist.
            await ReleaseReference(reference);
            await Index(IndexKinds.AccountExternalId, externalId).Release(_id);
            throw;
        }

        // A reservation taken over while this account was being written loses to the new holder.
        if (reference is { } held && !await Index(IndexKinds.TokenizationReference, ReferenceValue(held)).IsHeldBy(_id))
        {
            await _state.ClearStateAsync();
            _stored = StoredAccountIndexValues.Of(S);
            await Index(IndexKinds.AccountExternalId, externalId).Release(_id);
            return ReferenceTaken;
        }

        return Outcome<AccountCreated>.Success(new AccountCreated(_id, externalId, reference is not null));
    }

    public Task<AccountView?> Get() => Task.FromResult(S.IsLive ? ToView() : null);

    public async Task<Outcome> End(Guid customerId)
    {
        if (!S.IsLive || S.CustomerId != customerId)
        {
            return NotFound;
        }

        await CatchUp();
        if (S.PendingTokenization is not null)
        {
            return TokenizationPending;
        }

        var snapshot = Snapshot();
        var now = Now;
        S.EndedAt = now;
        S.UpdatedAt = now;
        foreach (var contract in S.Contracts.Where(c => c.EndDate is null || c.EndDate > now))
        {
            contract.EndDate = now;
        }

        CancelPromotionsOfEndedAccount(now);
        Record(EventTypes.AccountClosed, "ended_at");
        await WriteOrRevert(snapshot);
        await Index(IndexKinds.AccountExternalId, S.ExternalId).Release(_id);
        await Rearm();
        return Outcome.Ok;
    }

    public Task<AccountRef?> ResolveIndexed(string kind, string value) =>
        Task.FromResult(_stored.Holds(kind, value) ? new AccountRef(_id, _stored.ExternalId) : null);

    private Task ReleaseReference(Guid? reference) =>
        reference is { } claimed ? Index(IndexKinds.TokenizationReference, ReferenceValue(claimed)).Release(_id) : Task.CompletedTask;

    private static Outcome NotFound => Outcome.NotFound("account not found");

    private static Outcome ReferenceTaken => Outcome.Conflict("payment_method.details.reference_id has already been used in this org");

    private static Outcome TokenizationPending => Outcome.Conflict("a card tokenization of this account is still PENDING");

    private static string ReferenceValue(Guid reference) => reference.ToString("D");

    private IUniqueIndexGrain Index(string kind, string value) =>
        GrainFactory.GetGrain<IUniqueIndexGrain>(GrainKeys.Index(_org, kind, value));

    private AccountView ToView() => new()
    {
        Id = _id,
        ExternalId = S.ExternalId,
        CustomerId = S.CustomerId,
        CustomerExternalId = S.CustomerExternalId,
        ContractReference = S.ContractReference,
        Modality = S.Modality,
        BillingAddress = S.BillingAddress,
        PaymentMethod = S.PaymentMethod,
        Invoice = S.Invoice,
        CreatedAt = S.CreatedAt,
        EndedAt = S.EndedAt,
        UpdatedAt = S.UpdatedAt,
    };

    /// <summary>A deep copy taken before a change, so a failed write leaves memory as storage has it.</summary>
    private AccountState Snapshot() => _copier.Copy(S);

    private async Task WriteOrRevert(AccountState previous)
    {
        try
        {
            await Store();
        }
        catch
        {
            _state.State = previous;
            throw;
        }
    }

    /// <summary>Writes the state; only once stored do the index grains get answered from it.</summary>
    private async Task Store()
    {
        S.TrimHistories();
        await _state.WriteStateAsync();
        _stored = StoredAccountIndexValues.Of(S);
    }
}
