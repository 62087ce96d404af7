namespace Customers;

/// <summary><c>{type, details}</c>; which detail is set depends on the type.</summary>
[GenerateSerializer]
public sealed class PaymentMethod
{
    [Id(0)] public string? Type { get; set; }
    [Id(1)] public PaymentMethodDetails? Details { get; set; }
}

[GenerateSerializer]
public sealed class PaymentMethodDetails
{
    /// <summary>DIRECT_DEBIT.</summary>
    [Id(0)] public string? Iban { get; set; }

    /// <summary>CREDIT_CARD, an already tokenized card.</summary>
    [Id(1)] public string? TokenId { get; set; }

    /// <summary>CREDIT_CARD whose tokenization is still running (input only).</summary>
    [Id(2)] public string? ReferenceId { get; set; }

    /// <summary>TECI, on migrated accounts only.</summary>
    [Id(3)] public string? TokenTeci { get; set; }
}

public static class PaymentMethodTypes
{
    public const string BankTransfer = "BANK_TRANSFER";
    public const string DirectDebit = "DIRECT_DEBIT";
    public const string CreditCard = "CREDIT_CARD";
    public const string Teci = "TECI";

    /// <summary>The types a caller may set, in the contract's order.</summary>
    public static readonly string[] Settable = [BankTransfer, DirectDebit, CreditCard];
}

public static class Modalities
{
    public const string Prepaid = "PREPAID";
    public const string RecurringPrepaid = "RECURRING_PREPAID";
    public const string Postpaid = "POSTPAID";
}
