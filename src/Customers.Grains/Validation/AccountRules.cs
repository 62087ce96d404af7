using System.Globalization;
using System.Text.RegularExpressions;

namespace Customers.Grains.Validation;

/// <summary>
/// Validation of account requests (contract §2, §4, §5, §6), in their normal form
/// (<see cref="Normalize(CreateAccountRequest)"/> and its siblings); it changes nothing.
/// </summary>
public static partial class AccountRules
{
    public static Violations ValidateCreate(CreateAccountRequest request, IReadOnlyList<string> available)
    {
        var v = new Violations();
        var modality = v.OneOf(request.Modality, "modality", required: true, Modalities.RecurringPrepaid, Modalities.Postpaid);
        if (request.BillingAddress is not null)
        {
            BillingAddress(v, request.BillingAddress, "billing_address");
        }

        PaymentMethod(v, request.PaymentMethod, "payment_method", modality is Modalities.RecurringPrepaid or Modalities.Postpaid ? available : null);
        return v;
    }

    /// <summary>A postal address plus <c>state_id</c>: two digits, the first two of the postal code.</summary>
    public static void BillingAddress(Violations v, BillingAddress? address, string path)
    {
        if (address is null)
        {
            v.Add(path, "is required");
            return;
        }

        SharedRules.Address(v, address, path, required: true);
        var stateId = v.Matches(address.StateId, $"{path}.state_id", Patterns.ProvinceCode(), "must have 2 digits", required: false);
        if (stateId is { Length: 2 } && Patterns.ProvinceCode().IsMatch(stateId)
            && address.PostalCode is { Length: 5 } postalCode && !postalCode.StartsWith(stateId, StringComparison.Ordinal))
        {
            v.Add($"{path}.state_id", "must equal the first two digits of postal_code");
        }
    }

    /// <summary>
    /// Checks type and details. <paramref name="available"/> null skips the availability check (the type
    /// is reported elsewhere).
    /// </summary>
    public static void PaymentMethod(Violations v, PaymentMethod? method, string path, IReadOnlyList<string>? available)
    {
        if (method is null)
        {
            v.Add(path, "is required");
            return;
        }

        if (method.Type == PaymentMethodTypes.Teci)
        {
            v.Add(Field(path, "type"), "TECI is not accepted on input");
            return;
        }

        var type = v.OneOf(method.Type, Field(path, "type"), required: true, PaymentMethodTypes.Settable);
        if (type is null || !PaymentMethodTypes.Settable.Contains(type))
        {
            return;
        }

        if (available is not null && !available.Contains(type, StringComparer.Ordinal))
        {
            v.Add(Field(path, "type"), $"is not an available payment method for this account ({string.Join(", ", available)})");
        }

        var details = method.Details ?? new PaymentMethodDetails();
        var field = Field(path, "details");
        if (details.TokenTeci is not null)
        {
            v.Add($"{field}.token_teci", "is not accepted on input");
        }

        switch (type)
        {
            case PaymentMethodTypes.BankTransfer:
                NotAllowed(v, details.Iban, $"{field}.iban", type);
                NotAllowed(v, details.TokenId, $"{field}.token_id", type);
                NotAllowed(v, details.ReferenceId, $"{field}.reference_id", type);
                break;
            case PaymentMethodTypes.DirectDebit:
                NotAllowed(v, details.TokenId, $"{field}.token_id", type);
                NotAllowed(v, details.ReferenceId, $"{field}.reference_id", type);
                if (details.Iban is null)
                {
                    v.Add($"{field}.iban", "is required for DIRECT_DEBIT");
                }
                else
                {
                    if (!Iban.IsValid(Iban.Normalize(details.Iban)))
                    {
                        v.Add($"{field}.iban", "is not a valid IBAN");
                    }
                }

                break;
            case PaymentMethodTypes.CreditCard:
                NotAllowed(v, details.Iban, $"{field}.iban", type);
                if ((details.TokenId is null) == (details.ReferenceId is null))
                {
                    v.Add(field, "must have exactly one of token_id and reference_id for CREDIT_CARD");
                }
                else if (details.TokenId is not null)
                {
                    TokenId(v, details.TokenId, $"{field}.token_id");
                }
                else
                {
                    ReferenceId(v, details.ReferenceId, $"{field}.reference_id");
                }

                break;
        }
    }

    /// <summary>The path of <paramref name="name"/> inside <paramref name="path"/>; an empty path is the body itself.</summary>
    public static string Field(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>The reference of a card still to be tokenized, once the normal method has passed <see cref="PaymentMethod"/>.</summary>
    public static Guid? PendingReference(PaymentMethod method) =>
        method.Type == PaymentMethodTypes.CreditCard && method.Details?.ReferenceId is { } reference ? Guid.Parse(reference) : null;

    public static Violations ValidateResult(TokenizationResult result)
    {
        var v = new Violations();
        var status = v.OneOf(result.Status, "status", required: true, TokenizationStatuses.Completed, TokenizationStatuses.Failed);
        switch (status)
        {
            case TokenizationStatuses.Completed:
                TokenId(v, result.TokenId, "token_id");
                if (result.Card is null)
                {
                    v.Add("card", "is required for COMPLETED");
                }
                else
                {
                    v.Matches(result.Card.Summary, "card.summary", CardSummary(), "must be the card's last 4 digits", required: true);
                    v.Matches(result.Card.ExpirationDate, "card.expiration_date", CardExpiration(), "must be MM/yyyy", required: true);
                }

                if (result.ErrorMessage is not null)
                {
                    v.Add("error_message", "is only allowed for FAILED");
                }

                break;
            case TokenizationStatuses.Failed:
                v.Text(result.ErrorMessage, "error_message", 1, SharedRules.MaxFreeText, required: true);
                if (result.TokenId is not null || result.Card is not null)
                {
                    v.Add("token_id", "token_id and card are only allowed for COMPLETED");
                }

                break;
        }

        return v;
    }

    public static Violations ValidateContractRequest(AddContractRequest request)
    {
        var v = new Violations();
        v.Text(request.RequestExternalId, "request_external_id", 1, SharedRules.MaxFreeText, required: true);
        v.Text(request.ContractReferenceId, "contract_reference_id", 1, SharedRules.MaxFreeText, required: true);
        v.Text(request.Type, "type", 1, SharedRules.MaxFreeText, required: true);
        v.Text(request.OriginUser, "origin_user", 1, SharedRules.MaxFreeText, required: false);
        return v;
    }

    /// <summary>The last day a card with this <c>MM/yyyy</c> expiration date can be used.</summary>
    public static DateOnly CardValidThrough(string expirationDate)
    {
        var month = int.Parse(expirationDate.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var year = int.Parse(expirationDate.AsSpan(3, 4), CultureInfo.InvariantCulture);
        // MM/yyyy allows 0000, a year the calendar does not have: such a card is valid through no day.
        return year == 0 ? DateOnly.MinValue : new DateOnly(year, month, DateTime.DaysInMonth(year, month));
    }

    /// <summary><c>MMC</c> and 13 digits; unique per org because it is made from the account's external id.</summary>
    public static string ContractReferenceFor(string externalId) =>
        $"MMC{long.Parse(externalId, CultureInfo.InvariantCulture) % 10_000_000_000_000:D13}";

    private static void TokenId(Violations v, string? tokenId, string field)
    {
        var trimmed = v.Text(tokenId, field, 1, SharedRules.MaxFreeText, required: true);
        if (trimmed is { Length: > 0 } && trimmed.Any(char.IsWhiteSpace))
        {
            v.Add(field, "must not contain spaces");
        }
    }

    private static void ReferenceId(Violations v, string? referenceId, string field)
    {
        if (!Uuids.TryParse(referenceId, out _))
        {
            v.Add(field, "must be a UUID");
        }
    }

    private static void NotAllowed(Violations v, string? value, string field, string type)
    {
        if (value is not null)
        {
            v.Add(field, $"is not allowed for {type}");
        }
    }

    [GeneratedRegex(@"^[0-9]{4}\z")]
    private static partial Regex CardSummary();

    [GeneratedRegex(@"^(0[1-9]|1[0-2])/[0-9]{4}\z")]
    private static partial Regex CardExpiration();
}
