using Customers.Grains.Validation;

namespace Customers.Grains.Accounts;

/// <summary>
/// Card tokenization: a request stays PENDING until the provider's result arrives or its deadline
/// passes. The deadline is enforced three ways: the account's reminder expires it with no request
/// arriving (and survives restarts), every command expires it before acting, and reads show it expired.
/// </summary>
public sealed partial class AccountGrain
{
    public async Task<Outcome> RecordTokenizationResult(Guid referenceId, TokenizationResult result)
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        if (!S.Tokenizations.Exists(t => t.ReferenceId == referenceId))
        {
            return Outcome.NotFound("tokenization request not found");
        }

        result = AccountRules.Normalize(result);
        var violations = AccountRules.ValidateResult(result);
        if (violations.Any)
        {
            return violations.ToOutcome();
        }

        await CatchUp();
        var request = S.Tokenizations.Find(t => t.ReferenceId == referenceId)!;
        if (request.Status != TokenizationStatuses.Pending)
        {
            return SameResult(request, result)
                ? Outcome.Ok
                : Outcome.Conflict($"the tokenization request is no longer PENDING: it is {request.Status}");
        }

        var snapshot = Snapshot();
        var now = Now;
        request.Status = result.Status!;
        request.UpdatedAt = now;
        if (result.Status == TokenizationStatuses.Completed)
        {
            request.TokenId = result.TokenId;
            request.CardSummary = result.Card!.Summary;
            request.CardExpirationDate = result.Card.ExpirationDate;
            SetPaymentMethod(S, new PaymentMethod { Type = PaymentMethodTypes.CreditCard, Details = new PaymentMethodDetails { TokenId = result.TokenId } }, now);
        }
        else
        {
            request.ErrorMessage = result.ErrorMessage;
        }

        S.UpdatedAt = now;
        Record(
            result.Status == TokenizationStatuses.Completed ? EventTypes.TokenizationCompleted : EventTypes.TokenizationFailed,
            result.Status == TokenizationStatuses.Completed ? ["tokenization_requests", "payment_method"] : ["tokenization_requests"]);
        await WriteOrRevert(snapshot);
        await Rearm();
        return Outcome.Ok;
    }

    public Task<Outcome<List<TokenizationRequestView>>> GetTokenizationRequests()
    {
        if (!Readable)
        {
            return Task.FromResult<Outcome<List<TokenizationRequestView>>>(NotFound);
        }

        var now = Now;
        var items = Enumerable.Reverse(S.Tokenizations).Select(t => ToView(t, now)).ToList();
        return Task.FromResult(Outcome<List<TokenizationRequestView>>.Success(items));
    }

    public Task<List<CreditCardView>> GetTokenizedCards() => Task.FromResult(S.IsLive ? TokenizedCards() : []);

    /// <summary>The cards tokenized on this account, in the order they were tokenized.</summary>
    private List<CreditCardView> TokenizedCards() =>
        S.Tokenizations
            .Where(t => t.Status == TokenizationStatuses.Completed && t.TokenId is not null && t.CardSummary is not null && t.CardExpirationDate is not null)
            .Select(t => new CreditCardView { Id = t.TokenId!, CreatedAt = t.UpdatedAt, Summary = t.CardSummary!, ExpirationDate = t.CardExpirationDate! })
            .ToList();

    /// <summary>What an expired request says; a read before the reminder's write shows the same.</summary>
    private static void Expire(TokenizationRecord request)
    {
        request.Status = TokenizationStatuses.Expired;
        request.ErrorMessage = $"the card tokenization got no result within {request.ExpiresAt - request.CreatedAt:c} and expired";
        request.UpdatedAt = request.ExpiresAt;
    }

    private TokenizationRequestView ToView(TokenizationRecord request, DateTime now)
    {
        var shown = request;
        if (request.Status == TokenizationStatuses.Pending && request.ExpiresAt <= now)
        {
            shown = new TokenizationRecord { ReferenceId = request.ReferenceId, CreatedAt = request.CreatedAt, ExpiresAt = request.ExpiresAt };
            Expire(shown);
        }

        return new TokenizationRequestView
        {
            ReferenceId = shown.ReferenceId,
            AccountId = _id,
            Status = shown.Status,
            TokenId = shown.TokenId,
            ErrorMessage = shown.ErrorMessage,
            CreatedAt = shown.CreatedAt,
            UpdatedAt = shown.UpdatedAt,
        };
    }

    private static bool SameResult(TokenizationRecord request, TokenizationResult result) => result.Status switch
    {
        TokenizationStatuses.Completed => request.Status == TokenizationStatuses.Completed
            && request.TokenId == result.TokenId
            && request.CardSummary == result.Card?.Summary
            && request.CardExpirationDate == result.Card?.ExpirationDate,
        TokenizationStatuses.Failed => request.Status == TokenizationStatuses.Failed && request.ErrorMessage == result.ErrorMessage,
        _ => false,
    };
}
