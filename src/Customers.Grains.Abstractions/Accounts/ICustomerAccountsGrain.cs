using Orleans.Concurrency;

namespace Customers;

/// <summary>
/// A customer's side of its accounts: opening and closing them, the list of live ones, and the
/// cards tokenized on them. Same grain and key as <see cref="ICustomerGrain"/>.
/// </summary>
public interface ICustomerAccountsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Opens an account. With an <paramref name="idempotencyKey"/>, the same key and request within
    /// 24 hours answer the first result and create nothing; the same key with another request is a conflict.
    /// </summary>
    Task<Outcome<AccountCreated>> OpenAccount(CreateAccountRequest request, string? idempotencyKey);

    /// <summary>Ends one of the customer's accounts and takes it off the customer's list.</summary>
    Task<Outcome> CloseAccount(Guid accountId);

    /// <summary>The live accounts, oldest first.</summary>
    Task<Outcome<List<Guid>>> ListAccounts();

    /// <summary>Cards tokenized successfully on any of the customer's accounts, newest first, expired ones left out.</summary>
    Task<Outcome<List<CreditCardView>>> GetAvailableCreditCards();

    /// <summary>
    /// Who invoices are addressed to, or null when the customer is not live. Interleaved: an account
    /// asks while the customer may be waiting on that same account.
    /// </summary>
    [AlwaysInterleave]
    Task<AccountHolder?> GetAccountHolder();
}
