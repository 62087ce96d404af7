using Customers.Api.Accounts;
using Customers.Api.Contracts;
using Customers.Api.Events;
using Customers.Api.Identification;
using Customers.Api.Tokenization;

namespace Customers.Api.Privacy;

/// <summary>Each part has the shape of the GET that serves it; <c>events</c> is the customer's whole audit trail.</summary>
public sealed record CustomerExportResponse(
    CustomerView Customer,
    IReadOnlyList<AccountExportResponse> Accounts,
    CustomerCategoriesView Categories,
    CustomerCategoryHistoryView CategoriesHistory,
    SpecialTreatmentValues SpecialTreatment,
    CustomerCredentials Credentials,
    IdentificationProcessesExport IdentificationProcesses,
    EventPageResponse Events);

public sealed record AccountExportResponse(
    AccountView Account,
    BillingAddressHistory BillingAddressHistory,
    PaymentMethodHistoryResponse PaymentMethodHistory,
    TokenizationEndpoints.TokenizationRequestsResponse TokenizationRequests,
    IReadOnlyList<PromotionView> Promotions,
    IReadOnlyList<PromotionOperationView> PromotionsHist,
    ContractEndpoints.ContractsResponse Contracts,
    IReadOnlyList<CreditCardView> CreditCards);

/// <summary>The processes as the list GET wraps them, each with what its own GET shows, the document's URL freshly signed.</summary>
public sealed record IdentificationProcessesExport(IReadOnlyList<IdentificationEndpoints.ProcessResponse> Processes);
