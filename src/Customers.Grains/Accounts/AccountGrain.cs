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
    private readonly IndexKeys _indexKeys;
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
        IndexKeys indexKeys,
        ILogger<AccountGrain> logger)
    {
        _indexKeys = indexKeys;
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
        (var org, _id) = GrainKeys.ParseEntity(this.GetPrimaryKeyString());
        _org = SharedCodes.Of(org);
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
        var billingAddress = request.BillingAddress ?? command.CustomerPostalAddress;
        if (billingAddress is null)
        {
            violations.Add("billing_address", "is required when the customer has no postal address");
        }

        if (violations.Any)
        {
            return violations.ToOutcome();
        }

        var paymentMethod = request.PaymentMethod!;
        var reference = AccountRules.PendingReference(paymentMethod);
        var externalId = (await GrainFactory.Ref<ISequenceGrain>(GrainKeys.Sequence(_org, SequenceKinds.Accounts)).Next())
            .ToString(CultureInfo.InvariantCulture);
        var claimed = new List<UniqueValue> { new(IndexKinds.AccountExternalId, externalId) };
        if (reference is { } pendingReference)
        {
            claimed.Add(ReferenceValue(pendingReference));
        }

        var claim = await Claim(claimed);
        if (claim.Refused is { } refused)
        {
            return refused.Kind == IndexKinds.TokenizationReference
                ? ReferenceTaken
                : Outcome.Conflict("the account external id handed out is already taken");
        }

        var now = Now;
        var candidate = new AccountState
        {
            CustomerId = command.CustomerId,
            CustomerExternalId = command.CustomerExternalId,
            ExternalId = externalId,
            ContractReference = AccountRules.ContractReferenceFor(externalId),
            Modality = request.Modality!,
            BillingAddresses = [new BillingAddressRecord { Address = StoredAddress.From(billingAddress)!, From = now }],
            Contracts = [new ContractRecord { Id = Guid.NewGuid(), StartDate = now }],
            Invoice = StoredInvoice.OrgDefault(),
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
        var lost = await claim.Commit(() => WriteOrRevert(new AccountState()), ShowsStored, async () =>
        {
            await _state.ClearStateAsync();
            _stored = StoredAccountIndexValues.Of(S);
        });
        if (lost is not null)
        {
            return ReferenceTaken;
        }

        return Outcome<AccountCreated>.Success(new AccountCreated(_id, externalId, reference is not null));
    }

    public ValueTask<AccountView?> Get() => new(S.IsLive ? ToView() : null);

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
        await Free([new UniqueValue(IndexKinds.AccountExternalId, S.ExternalId)]);
        await Rearm();
        return Outcome.Ok;
    }

    public Task<AccountRef?> ResolveIndexed(string kind, string value) =>
        Task.FromResult(_stored.Holds(kind, value) ? new AccountRef(_id, _stored.ExternalId) : null);

    private static Outcome NotFound => Outcome.NotFound("account not found");

    private static Outcome ReferenceTaken => Outcome.Conflict("payment_method.details.reference_id has already been used in this org");

    private static Outcome TokenizationPending => Outcome.Conflict("a card tokenization of this account is still PENDING");

    private static UniqueValue ReferenceValue(Guid reference) => new(IndexKinds.TokenizationReference, reference.ToString("D"));

    private Task<UniqueClaim> Claim(IEnumerable<UniqueValue> values) =>
        UniqueClaim.Reserve(GrainFactory, _indexKeys, _org, _id, values.Where(v => !ShowsStored(v)));

    private bool ShowsStored(UniqueValue value) => _stored.Shows(value.Kind, value.Value);

    private Task Free(IEnumerable<UniqueValue> values) => UniqueClaim.Free(GrainFactory, _indexKeys, _org, _id, values);

    private AccountView ToView() => new()
    {
        Id = _id,
        ExternalId = S.ExternalId,
        CustomerId = S.CustomerId,
        CustomerExternalId = S.CustomerExternalId,
        ContractReference = S.ContractReference,
        Modality = S.Modality,
        BillingAddress = S.BillingAddress?.ToBilling(),
        PaymentMethod = S.PaymentMethod?.ToWire(),
        Invoice = S.Invoice?.ToWire(),
        CreatedAt = S.CreatedAt,
        EndedAt = S.EndedAt,
        UpdatedAt = S.UpdatedAt,
    };

    /// <summary>A deep copy taken before a change, so a failed write leaves memory as storage has it.</summary>
    private AccountState Snapshot() => _copier.Copy(S);

    /// <summary>
    /// Persists the state, after <paramref name="first"/> when given (inside the write, so its failure
    /// counts as the write's); a failed write leaves memory as storage has it.
    /// </summary>
    private async Task WriteOrRevert(AccountState previous, Func<Task>? first = null)
    {
        try
        {
            await _state.WriteOrReload(previous, async () =>
            {
                if (first is not null)
                {
                    await first();
                }

                await Store();
            });
        }
        finally
        {
            _stored = StoredAccountIndexValues.Of(S);
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
