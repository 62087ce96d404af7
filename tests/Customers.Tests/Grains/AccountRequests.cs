namespace Customers.Tests.Grains;

/// <summary>Valid account requests the grain tests vary one field at a time.</summary>
public static class AccountRequests
{
    public static BillingAddress BillingAddress() => new()
    {
        AddressLines = ["Avenida de Bruselas, 38"],
        PostalCode = "28108",
        StateId = "28",
        Locality = "Alcobendas",
        AdministrativeArea = "Madrid",
        RegionCode = "ES",
    };

    public static PaymentMethod BankTransfer() => new() { Type = PaymentMethodTypes.BankTransfer, Details = new PaymentMethodDetails() };

    public static PaymentMethod DirectDebit(string iban = "ES7921000813610123456789") =>
        new() { Type = PaymentMethodTypes.DirectDebit, Details = new PaymentMethodDetails { Iban = iban } };

    public static PaymentMethod CardReference(Guid reference) =>
        new() { Type = PaymentMethodTypes.CreditCard, Details = new PaymentMethodDetails { ReferenceId = reference.ToString() } };

    public static CreateAccountRequest Account(PaymentMethod? paymentMethod = null) => new()
    {
        Modality = Modalities.RecurringPrepaid,
        BillingAddress = BillingAddress(),
        PaymentMethod = paymentMethod ?? BankTransfer(),
    };

    public static TokenizationResult Completed(string token, string expiration = "05/2099") => new()
    {
        Status = TokenizationStatuses.Completed,
        TokenId = token,
        Card = new TokenizedCard { Summary = "5100", ExpirationDate = expiration },
    };

    public static TokenizationResult Failed(string message = "card declined") => new() { Status = TokenizationStatuses.Failed, ErrorMessage = message };
}
