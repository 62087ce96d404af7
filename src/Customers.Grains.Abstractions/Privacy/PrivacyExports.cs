namespace Customers;

/// <summary>The customer's own parts of its export; <see cref="AccountIds"/> lists every account it ever had.</summary>
[GenerateSerializer]
public sealed class CustomerExport
{
    [Id(0)] public CustomerView Customer { get; set; } = new();
    [Id(1)] public CustomerCategoriesView Categories { get; set; } = new();
    [Id(2)] public CustomerCategoryHistoryView CategoriesHistory { get; set; } = new();
    [Id(3)] public SpecialTreatmentValues SpecialTreatment { get; set; } = new();
    [Id(4)] public CustomerCredentials Credentials { get; set; } = new();
    [Id(5)] public List<IdentificationProcessView> IdentificationProcesses { get; set; } = [];
    [Id(6)] public List<Guid> AccountIds { get; set; } = [];
}

[GenerateSerializer]
public sealed class AccountExport
{
    [Id(0)] public AccountView Account { get; set; } = new();
    [Id(1)] public BillingAddressHistory BillingAddressHistory { get; set; } = new();
    [Id(2)] public List<PaymentMethodHistoryEntry> PaymentMethodHistory { get; set; } = [];
    [Id(3)] public List<TokenizationRequestView> TokenizationRequests { get; set; } = [];
    [Id(4)] public List<PromotionView> Promotions { get; set; } = [];
    [Id(5)] public List<PromotionOperationView> PromotionsHistory { get; set; } = [];
    [Id(6)] public List<ContractView> Contracts { get; set; } = [];

    /// <summary>Every card tokenized on the account, expired ones included: what it holds of them.</summary>
    [Id(7)] public List<CreditCardView> CreditCards { get; set; } = [];
}
