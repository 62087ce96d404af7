using Customers.Api.Auth;
using Customers.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace Customers.Api.Accounts;

public static class AccountEndpoints
{
    private const string Tag = "Accounts";

    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder org)
    {
        var ofCustomer = org.MapGroup("/customers/{customer_id}/accounts").WithTags(Tag).RequiresPermission("accounts");
        ofCustomer.MapPost("", Create)
            .Produces<AccountCreatedResponse>()
            .Produces<AccountCreatedResponse>(StatusCodes.Status202Accepted);
        ofCustomer.MapGet("", List).Produces<AccountListResponse>();
        ofCustomer.MapDelete("/{account_id}", Delete).Produces(StatusCodes.Status204NoContent);
        ofCustomer.MapGet("/{account_id}/available-payment-methods", AvailablePaymentMethods).Produces<AvailablePaymentMethodsResponse>();

        var accounts = org.MapGroup("/accounts/{account_id}").WithTags(Tag).RequiresPermission("accounts");
        accounts.MapGet("", Get).Produces<AccountView>();
        accounts.MapPatch("/payment-method", ChangePaymentMethod)
            .Produces(StatusCodes.Status204NoContent)
            .Produces(StatusCodes.Status202Accepted);
        accounts.MapGet("/payment-methods/historical", PaymentMethodHistory).Produces<PaymentMethodHistoryResponse>();
        accounts.MapGet("/billing-address", BillingAddressHistory).Produces<BillingAddressHistory>();
        accounts.MapPatch("/billing-address", ChangeBillingAddress).Produces(StatusCodes.Status204NoContent);
        accounts.MapGet("/invoice-recipient", InvoiceRecipient).Produces<InvoiceRecipient>();

        org.MapGet("/external-accounts/{external_id}", FindByExternalId)
            .WithTags(Tag).RequiresPermission("external-accounts").Produces<AccountIdResponse>();
        return org;
    }

    private static async Task<IResult> Create(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "customer_id")] string customerId,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CreateAccountRequest request,
        IGrainFactory grains)
    {
        if (!Ids.TryParse(customerId, "customer_id", out var id, out var error))
        {
            return error;
        }

        var outcome = await grains.GetGrain<ICustomerAccountsGrain>(GrainKeys.Customer(org, id)).OpenAccount(request, idempotencyKey);
        return outcome.ToResult(created =>
        {
            var body = new AccountCreatedResponse(created.Id, created.ExternalId);
            return created.Pending
                ? TypedResults.Accepted($"/v4/orgs/{org}/accounts/{created.Id}", body)
                : TypedResults.Ok(body);
        });
    }

    private static async Task<IResult> List([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, IGrainFactory grains)
    {
        if (!Ids.TryParse(customerId, "customer_id", out var id, out var error))
        {
            return error;
        }

        var outcome = await grains.GetGrain<ICustomerAccountsGrain>(GrainKeys.Customer(org, id)).ListAccounts();
        return outcome.ToResult(ids => TypedResults.Ok(new AccountListResponse(ids.Select(a => new AccountIdResponse(a)).ToList())));
    }

    private static async Task<IResult> Delete(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "customer_id")] string customerId,
        [FromRoute(Name = "account_id")] string accountId,
        IGrainFactory grains)
    {
        if (!Ids.TryParse(customerId, "customer_id", out var customer, out var error) || !Ids.TryParse(accountId, "account_id", out var account, out error))
        {
            return error;
        }

        var outcome = await grains.GetGrain<ICustomerAccountsGrain>(GrainKeys.Customer(org, customer)).CloseAccount(account);
        return outcome.ToResult(TypedResults.NoContent);
    }

    private static async Task<IResult> AvailablePaymentMethods(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "customer_id")] string customerId,
        [FromRoute(Name = "account_id")] string accountId,
        IGrainFactory grains)
    {
        if (!Ids.TryParse(customerId, "customer_id", out var customer, out var error) || !Ids.TryParse(accountId, "account_id", out var account, out error))
        {
            return error;
        }

        var outcome = await Account(grains, org, account).GetAvailablePaymentMethods(customer);
        return outcome.ToResult(methods => TypedResults.Ok(new AvailablePaymentMethodsResponse(methods)));
    }

    private static async Task<IResult> Get([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "account_id")] string accountId, IGrainFactory grains)
    {
        if (!Ids.TryParse(accountId, "account_id", out var id, out var error))
        {
            return error;
        }

        var account = await Account(grains, org, id).Get();
        return account is null ? ApiErrors.NotFound("account not found") : TypedResults.Ok(account);
    }

    private static async Task<IResult> ChangePaymentMethod(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "account_id")] string accountId,
        PaymentMethod request,
        IGrainFactory grains)
    {
        if (!Ids.TryParse(accountId, "account_id", out var id, out var error))
        {
            return error;
        }

        var outcome = await Account(grains, org, id).ChangePaymentMethod(request);
        return outcome.ToResult(changed => changed.Pending ? TypedResults.Accepted((string?)null) : TypedResults.NoContent());
    }

    private static async Task<IResult> PaymentMethodHistory([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "account_id")] string accountId, IGrainFactory grains)
    {
        if (!Ids.TryParse(accountId, "account_id", out var id, out var error))
        {
            return error;
        }

        var outcome = await Account(grains, org, id).GetPaymentMethodHistory();
        return outcome.ToResult(history => TypedResults.Ok(new PaymentMethodHistoryResponse(history)));
    }

    private static async Task<IResult> BillingAddressHistory(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "account_id")] string accountId,
        [FromQuery(Name = "from")] string? from,
        [FromQuery(Name = "to")] string? to,
        IGrainFactory grains)
    {
        if (!Ids.TryParse(accountId, "account_id", out var id, out var error))
        {
            return error;
        }

        var outcome = await Account(grains, org, id).GetBillingAddressHistory(from, to);
        return outcome.ToResult(history => TypedResults.Ok(history));
    }

    private static async Task<IResult> ChangeBillingAddress(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "account_id")] string accountId,
        BillingAddress request,
        IGrainFactory grains)
    {
        if (!Ids.TryParse(accountId, "account_id", out var id, out var error))
        {
            return error;
        }

        var outcome = await Account(grains, org, id).ChangeBillingAddress(request);
        return outcome.ToResult(TypedResults.NoContent);
    }

    private static async Task<IResult> InvoiceRecipient([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "account_id")] string accountId, IGrainFactory grains)
    {
        if (!Ids.TryParse(accountId, "account_id", out var id, out var error))
        {
            return error;
        }

        var outcome = await Account(grains, org, id).GetInvoiceRecipient();
        return outcome.ToResult(recipient => TypedResults.Ok(recipient));
    }

    private static async Task<IResult> FindByExternalId([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "external_id")] string externalId, IGrainFactory grains)
    {
        var found = ExternalIds.IsWellFormed(externalId) ? await grains.GetGrain<IAccountDirectoryGrain>(org).FindByExternalId(externalId) : null;
        return found is null ? ApiErrors.NotFound("account not found") : TypedResults.Ok(new AccountIdResponse(found.Id));
    }

    private static IAccountGrain Account(IGrainFactory grains, string org, Guid id) => grains.GetGrain<IAccountGrain>(GrainKeys.Account(org, id));
}
