using Customers.Grains.Indexing;
using Customers.Grains.Validation;

namespace Customers.Grains.Accounts;

public sealed partial class AccountGrain
{
    public async Task<Outcome<PaymentMethodChanged>> ChangePaymentMethod(PaymentMethod paymentMethod)
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        if (S.Modality == Modalities.Prepaid)
        {
            return Outcome.Conflict("a PREPAID account has no payment method");
        }

        paymentMethod = AccountRules.Normalize(paymentMethod)!;
        var violations = new Violations();
        // The body is the payment method itself, so its fields are named from the root.
        AccountRules.PaymentMethod(violations, paymentMethod, "", _paymentMethods.For(_org, S.Modality));
        if (violations.Any)
        {
            return violations.ToOutcome();
        }

        await CatchUp();
        if (S.PendingTokenization is not null)
        {
            return TokenizationPending;
        }

        var now = Now;
        if (AccountRules.PendingReference(paymentMethod) is not { } reference)
        {
            if (!SamePaymentMethod(S.PaymentMethod, paymentMethod))
            {
                var previous = Snapshot();
                SetPaymentMethod(S, paymentMethod, now);
                S.UpdatedAt = now;
                Record(EventTypes.PaymentMethodChanged, "payment_method");
                await WriteOrRevert(previous);
            }

            return Outcome<PaymentMethodChanged>.Success(new PaymentMethodChanged(Pending: false));
        }

        // The index grants a value again to the owner it already names (a retry of this very
        // request), so reuse by the same account is refused here, from its own requests.
        if (S.Tokenizations.Exists(t => t.ReferenceId == reference))
        {
            return ReferenceTakenHere;
        }

        // Past 200 requests the oldest have left the list: the index still names this account as
        // the owner of any reference_id it used.
        if (S.TokenizationsTrimmed
            && await GrainFactory.Ref<IUniqueIndexGrain>(_indexKeys.For(_org, ReferenceValue(reference))).Owner() == _id)
        {
            return ReferenceTakenHere;
        }

        var claim = await Claim([ReferenceValue(reference)]);
        if (claim.Refused is not null)
        {
            return ReferenceTakenHere;
        }

        var snapshot = Snapshot();
        var expiresAt = now + _tokenization.Timeout;
        S.Tokenizations.Add(new TokenizationRecord { ReferenceId = reference, CreatedAt = now, UpdatedAt = now, ExpiresAt = expiresAt });
        S.UpdatedAt = now;
        Record(EventTypes.TokenizationRequested, "tokenization_requests");
        var lost = await claim.Commit(() => WriteScheduled(snapshot), ShowsStored, () =>
        {
            _state.State = snapshot;
            return Store();
        });
        if (lost is not null)
        {
            return ReferenceTakenHere;
        }

        return Outcome<PaymentMethodChanged>.Success(new PaymentMethodChanged(Pending: true));
    }

    public Task<Outcome<List<PaymentMethodHistoryEntry>>> GetPaymentMethodHistory()
    {
        if (!Readable)
        {
            return Task.FromResult<Outcome<List<PaymentMethodHistoryEntry>>>(NotFound);
        }

        var history = Enumerable.Reverse(S.PaymentMethods)
            .Select(p => new PaymentMethodHistoryEntry { PaymentMethodType = p.Type, Details = DetailsText(p), CreatedAt = p.CreatedAt })
            .ToList();
        return Task.FromResult(Outcome<List<PaymentMethodHistoryEntry>>.Success(history));
    }

    public Task<Outcome<List<string>>> GetAvailablePaymentMethods(Guid customerId)
    {
        if (!S.IsLive || S.CustomerId != customerId)
        {
            return Task.FromResult<Outcome<List<string>>>(NotFound);
        }

        if (S.Modality == Modalities.Prepaid)
        {
            return Task.FromResult<Outcome<List<string>>>(Outcome.Conflict("a PREPAID account has no payment methods"));
        }

        return Task.FromResult(Outcome<List<string>>.Success([.. _paymentMethods.For(_org, S.Modality)]));
    }

    private static Outcome ReferenceTakenHere => Outcome.Conflict("details.reference_id has already been used in this org");

    /// <summary>Makes <paramref name="method"/> (already validated, not a pending card) the account's current method.</summary>
    private static void SetPaymentMethod(AccountState account, PaymentMethod method, DateTime at)
    {
        var details = method.Type switch
        {
            PaymentMethodTypes.DirectDebit => new StoredPaymentDetails { Iban = method.Details!.Iban },
            PaymentMethodTypes.CreditCard => new StoredPaymentDetails { TokenId = method.Details!.TokenId },
            _ => new StoredPaymentDetails(),
        };
        account.PaymentMethod = new StoredPaymentMethod { Type = method.Type, Details = details };
        account.PaymentMethods.Add(new PaymentMethodRecord
        {
            Type = method.Type!,
            Details = new StoredPaymentDetails { Iban = details.Iban, TokenId = details.TokenId },
            CreatedAt = at,
        });
    }

    private static bool SamePaymentMethod(StoredPaymentMethod? current, PaymentMethod requested) =>
        current is not null
        && current.Type == requested.Type
        && current.Details?.Iban == requested.Details?.Iban
        && current.Details?.TokenId == requested.Details?.TokenId;

    private static string DetailsText(PaymentMethodRecord record) =>
        record.Details.Iban ?? record.Details.TokenId ?? record.Details.TokenTeci ?? "";
}
