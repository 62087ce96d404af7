namespace Customers.Grains.Validation;

/// <summary>
/// The normal form of account requests: what <see cref="AccountRules"/> checks and the grain stores.
/// Each returns a copy and leaves its argument as it was.
/// </summary>
public static partial class AccountRules
{
    public static CreateAccountRequest Normalize(CreateAccountRequest request)
    {
        var normal = Copy.Of(request);
        normal.BillingAddress = Normalize(request.BillingAddress);
        normal.PaymentMethod = Normalize(request.PaymentMethod);
        return normal;
    }

    public static BillingAddress? Normalize(BillingAddress? address) => SharedRules.Normalize(address);

    /// <summary>Details always present; the IBAN without spaces, upper case; reference_id as a lower-case UUID.</summary>
    public static PaymentMethod? Normalize(PaymentMethod? method)
    {
        if (method is null)
        {
            return null;
        }

        var details = method.Details is null ? new PaymentMethodDetails() : Copy.Of(method.Details);
        details.Iban = details.Iban is null ? null : Iban.Normalize(details.Iban);
        details.TokenId = details.TokenId?.Trim();
        if (Uuids.TryParse(details.ReferenceId, out var reference))
        {
            details.ReferenceId = reference.ToString("D");
        }

        var normal = Copy.Of(method);
        normal.Details = details;
        return normal;
    }

    public static TokenizationResult Normalize(TokenizationResult result)
    {
        var normal = Copy.Of(result);
        normal.TokenId = result.TokenId?.Trim();
        normal.ErrorMessage = result.ErrorMessage?.Trim();
        if (result.Card is { } card)
        {
            normal.Card = Copy.Of(card);
        }

        return normal;
    }

    public static AddContractRequest Normalize(AddContractRequest request)
    {
        var normal = Copy.Of(request);
        normal.RequestExternalId = request.RequestExternalId?.Trim();
        normal.ContractReferenceId = request.ContractReferenceId?.Trim();
        normal.Type = request.Type?.Trim();
        normal.OriginUser = request.OriginUser?.Trim();
        return normal;
    }
}
