using Customers.Api.Auth;
using Customers.Api.Http;
using Customers.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace Customers.Api.Accounts;

public static class AccountEndpoints
{
    private const string Tag = "Accounts";
    private const string About = "A customer's billing accounts: modality, billing address periods, payment method and its history, invoice recipient.";

    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder org)
    {
        var ofCustomer = org.MapResource("/customers/{customer_id}/accounts", Tag, About, "accounts");
        ofCustomer.MapPost("", Create)
            .Describe("createAccount", "Open an account", "Opens a RECURRING_PREPAID or POSTPAID account for the customer with its first contract. 200 when the payment method is complete; 202 when a card tokenization (`reference_id`) is still running. An `Idempotency-Key` header replays the first answer for 24 h.")
            .Answers(StatusCodes.Status409Conflict, "The Idempotency-Key was used with another body, or the card reference_id was already used in this org.")
            .Produces<AccountCreatedResponse>()
            .Produces<AccountCreatedResponse>(StatusCodes.Status202Accepted);
        ofCustomer.MapGet("", List)
            .Describe("listCustomerAccounts", "List a customer's accounts", "The customer's live accounts, oldest first.")
            .Produces<AccountListResponse>();
        ofCustomer.MapDelete("/{account_id}", Delete)
            .Describe("deleteAccount", "Close an account", "Ends the account: its active contract ends, its scheduled and active promotions are cancelled, and later calls on it are 404.")
            .Answers(StatusCodes.Status409Conflict, "A card tokenization of this account is still PENDING.")
            .Produces(StatusCodes.Status204NoContent);
        ofCustomer.MapGet("/{account_id}/available-payment-methods", AvailablePaymentMethods)
            .Describe("getAvailablePaymentMethods", "Get available payment methods", "The payment methods the account may use, in the org's order.")
            .Answers(StatusCodes.Status409Conflict, "The account is PREPAID and has none.")
            .Produces<AvailablePaymentMethodsResponse>();

        var accounts = org.MapResource("/accounts/{account_id}", Tag, About, "accounts");
        accounts.MapGet("", Get)
            .Describe("getAccount", "Get an account", "Returns all the info about a single account given by account id.")
            .Produces<AccountView>();
        accounts.MapPatch("/payment-method", ChangePaymentMethod)
            .Describe("updatePaymentMethod", "Change the payment method", "Update account payment method for a given account id: 204 when synchronous (bank transfer, direct debit, card with token_id), 202 when a card tokenization (reference_id) is still running.")
            .Answers(StatusCodes.Status409Conflict, "The account is PREPAID, a tokenization is PENDING, or the reference_id was already used.")
            .Produces(StatusCodes.Status204NoContent)
            .Produces(StatusCodes.Status202Accepted);
        accounts.MapGet("/payment-methods/historical", PaymentMethodHistory)
            .Describe("getPaymentMethodHistory", "Get the payment method history", "Every payment method the account ever had, newest first, the current one included.")
            .Produces<PaymentMethodHistoryResponse>();
        accounts.MapGet("/billing-address", BillingAddressHistory)
            .Describe("getBillingAddressHistory", "Get the billing address history", "The billing addresses whose period overlaps [from, to] (inclusive UTC days, both optional), oldest first; the current one has no end_date.")
            .Produces<BillingAddressHistory>();
        accounts.MapPatch("/billing-address", ChangeBillingAddress)
            .Describe("updateBillingAddress", "Change the billing address", "Closes the current billing address period and opens a new one.")
            .Produces(StatusCodes.Status204NoContent);
        accounts.MapGet("/invoice-recipient", InvoiceRecipient)
            .Describe("getInvoiceRecipient", "Get the invoice recipient", "The name and single-line address invoices are sent to.")
            .Produces<InvoiceRecipient>();

        org.MapGet("/external-accounts/{external_id}", FindByExternalId)
            .Describe("getAccountByExternalId", "Find an account by external id", "The id of the account with this external (legacy) id.")
            .Tagged(Tag, About).RequiresPermission("external-accounts")
            .Produces<AccountIdResponse>();
        return org;
    }

    private static Task<IResult> Create(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "customer_id")] string customerId,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CreateAccountRequest request,
        IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => Customer(grains, org, id).OpenAccount(request, idempotencyKey).ToResult(created =>
        {
            var body = new AccountCreatedResponse(created.Id, created.ExternalId);
            return created.Pending
                ? JsonAnswer.Accepted($"/v4/orgs/{org}/accounts/{created.Id}", body)
                : JsonAnswer.Ok(body);
        }));

    private static Task<IResult> List([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => Customer(grains, org, id).ListAccounts()
            .ToResult(ids => JsonAnswer.Ok(new AccountListResponse(ids.Select(a => new AccountIdResponse(a)).ToList()))));

    private static Task<IResult> Delete(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "customer_id")] string customerId,
        [FromRoute(Name = "account_id")] string accountId,
        IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", customer => Ids.With(accountId, "account_id", account =>
            Customer(grains, org, customer).CloseAccount(account).ToNoContent()));

    private static Task<IResult> AvailablePaymentMethods(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "customer_id")] string customerId,
        [FromRoute(Name = "account_id")] string accountId,
        IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", customer => Ids.With(accountId, "account_id", account =>
            Account(grains, org, account).GetAvailablePaymentMethods(customer)
                .ToResult(methods => JsonAnswer.Ok(new AvailablePaymentMethodsResponse(methods)))));

    private static async Task<IResult> Get([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "account_id")] string accountId, IGrainFactory grains)
    {
        if (!Ids.TryParse(accountId, "account_id", out var id, out var error))
        {
            return error;
        }

        return await Account(grains, org, id).Get() is { } account
            ? JsonAnswer.Ok(account, ApiJsonContext.Default.AccountView)
            : ApiErrors.NotFound("account not found");
    }

    private static Task<IResult> ChangePaymentMethod(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "account_id")] string accountId,
        PaymentMethod request,
        IGrainFactory grains) =>
        Ids.With(accountId, "account_id", id => Account(grains, org, id).ChangePaymentMethod(request)
            .ToResult(changed => changed.Pending ? TypedResults.Accepted((string?)null) : TypedResults.NoContent()));

    private static Task<IResult> PaymentMethodHistory([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "account_id")] string accountId, IGrainFactory grains) =>
        Ids.With(accountId, "account_id", id => Account(grains, org, id).GetPaymentMethodHistory()
            .ToResult(history => JsonAnswer.Ok(new PaymentMethodHistoryResponse(history))));

    private static Task<IResult> BillingAddressHistory(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "account_id")] string accountId,
        [FromQuery(Name = "from")] string? from,
        [FromQuery(Name = "to")] string? to,
        IGrainFactory grains) =>
        Ids.With(accountId, "account_id", id => Account(grains, org, id).GetBillingAddressHistory(from, to).ToOk());

    private static Task<IResult> ChangeBillingAddress(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "account_id")] string accountId,
        BillingAddress request,
        IGrainFactory grains) =>
        Ids.With(accountId, "account_id", id => Account(grains, org, id).ChangeBillingAddress(request).ToNoContent());

    private static Task<IResult> InvoiceRecipient([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "account_id")] string accountId, IGrainFactory grains) =>
        Ids.With(accountId, "account_id", id => Account(grains, org, id).GetInvoiceRecipient().ToOk());

    private static async Task<IResult> FindByExternalId([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "external_id")] string externalId, IGrainFactory grains)
    {
        var found = ExternalIds.IsWellFormed(externalId) ? await grains.Ref<IAccountDirectoryGrain>(org).FindByExternalId(externalId) : null;
        return found is null ? ApiErrors.NotFound("account not found") : JsonAnswer.Ok(new AccountIdResponse(found.Id));
    }

    private static IAccountGrain Account(IGrainFactory grains, string org, Guid id) => grains.Ref<IAccountGrain>(GrainKeys.Account(org, id));

    private static ICustomerAccountsGrain Customer(IGrainFactory grains, string org, Guid id) =>
        grains.Ref<ICustomerAccountsGrain>(GrainKeys.Customer(org, id));
}
