using Orleans.Concurrency;

namespace Customers;

/// <summary>
/// One account of one org: modality, billing address and its periods, payment method and its
/// history, card tokenizations, contracts, promotions and their history. Key:
/// <see cref="GrainKeys.Account"/>. Accounts are opened and closed through their customer
/// (<see cref="ICustomerAccountsGrain"/>), which keeps the list of its live accounts.
/// </summary>
public interface IAccountGrain : IGrainWithStringKey
{
    Task<Outcome<AccountCreated>> Create(OpenAccountCommand command);

    /// <summary>The account, or null when it never existed or has ended.</summary>
    /// <remarks>A value task, like <see cref="ICustomerGrain.Get"/>.</remarks>
    ValueTask<AccountView?> Get();

    Task<Outcome<PaymentMethodChanged>> ChangePaymentMethod(PaymentMethod paymentMethod);

    /// <summary>Every method the account ever had, newest first, the current one included.</summary>
    Task<Outcome<List<PaymentMethodHistoryEntry>>> GetPaymentMethodHistory();

    /// <summary>The billing-address periods overlapping [from, to] (<c>yyyy-MM-dd</c>, both optional, inclusive UTC days), oldest first.</summary>
    Task<Outcome<BillingAddressHistory>> GetBillingAddressHistory(string? from, string? to);

    Task<Outcome> ChangeBillingAddress(BillingAddress address);

    Task<Outcome<InvoiceRecipient>> GetInvoiceRecipient();

    /// <summary>The payment methods the account may be given; not found unless it belongs to <paramref name="customerId"/>.</summary>
    Task<Outcome<List<string>>> GetAvailablePaymentMethods(Guid customerId);

    /// <summary>Ends the account; not found unless it belongs to <paramref name="customerId"/>.</summary>
    Task<Outcome> End(Guid customerId);

    Task<Outcome<List<ContractView>>> GetContracts();

    Task<Outcome<ContractView>> GetActiveContract();

    /// <summary>Appends a request to the active contract; <paramref name="actor"/> is the default origin user.</summary>
    Task<Outcome<ContractRequestView>> AddContractRequest(AddContractRequest request, string actor);

    /// <summary>The tokenization provider's result for one of this account's requests.</summary>
    Task<Outcome> RecordTokenizationResult(Guid referenceId, TokenizationResult result);

    /// <summary>The account's tokenization requests, newest first.</summary>
    Task<Outcome<List<TokenizationRequestView>>> GetTokenizationRequests();

    /// <summary>The cards tokenized successfully on this account, expired ones included; empty when the account has ended.</summary>
    Task<List<CreditCardView>> GetTokenizedCards();

    /// <summary>Adds a promotion (status PENDING, or ACTIVE when it has started already) and answers it.</summary>
    Task<Outcome<PromotionView>> AddPromotion(AddPromotionRequest request);

    /// <summary>
    /// The account's promotions of one <c>account_promotion_type</c> — ACTIVATED (also when null, and
    /// its synonym ACTIVE), SCHEDULED or ALL — in the order they were added, statuses as of now.
    /// </summary>
    Task<Outcome<List<PromotionView>>> GetPromotions(string? type);

    /// <summary>Ends a promotion on the cancellation date; a date before its start cancels it.</summary>
    Task<Outcome> CancelPromotion(Guid promotionAccountId, CancelPromotionRequest request);

    /// <summary>The operations on the account's promotions recorded on or after <paramref name="startDate"/> (<c>yyyy-MM-dd</c>, optional), oldest first.</summary>
    Task<Outcome<List<PromotionOperationView>>> GetPromotionHistory(string? startDate);

    /// <summary>
    /// The account's ids when it currently holds <paramref name="value"/> under <paramref name="kind"/>;
    /// index grains call it to tell live owners from stale reservations.
    /// </summary>
    [AlwaysInterleave]
    Task<AccountRef?> ResolveIndexed(string kind, string value);
}
