using Customers.Api.Auth;
using Customers.Api.Http;
using Customers.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace Customers.Api.Tokenization;

/// <summary>Credit-card tokenization: the provider's results, an account's requests, a customer's cards.</summary>
public static class TokenizationEndpoints
{
    private const string Tag = "Credit card tokenization";
    private const string About = "Card tokenization requests and their results, and the cards a customer may reuse.";
    private const string Resource = "credit-card-tokenization";

    public static RouteGroupBuilder MapTokenizationEndpoints(this RouteGroupBuilder org)
    {
        org.MapPost("/tokenization-requests/{reference_id}/result", RecordResult)
            .Describe("recordTokenizationResult", "Record a tokenization result", "Called by the tokenization provider: COMPLETED makes the card the account's payment method; FAILED keeps the previous one. The same result twice is 204.")
            .Answers(StatusCodes.Status409Conflict, "The request is no longer PENDING.")
            .Tagged(Tag, About).RequiresPermission(Resource).Produces(StatusCodes.Status204NoContent);
        org.MapGet("/accounts/{account_id}/tokenization-requests", Requests)
            .Describe("listTokenizationRequests", "List tokenization requests", "The account's tokenization requests, newest first.")
            .Tagged(Tag, About).RequiresPermission(Resource).Produces<TokenizationRequestsResponse>();
        org.MapGet("/customers/{customer_id}/available-credit-cards", AvailableCreditCards)
            .Describe("getAvailableCreditCards", "Get available credit cards", "The cards tokenized on any of the customer's accounts, newest first, without expired ones.")
            .Tagged(Tag, About).RequiresPermission(Resource).Produces<AvailableCreditCardsResponse>();
        return org;
    }

    private static async Task<IResult> RecordResult(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "reference_id")] string referenceId,
        TokenizationResult result,
        IGrainFactory grains)
    {
        if (!Ids.TryParse(referenceId, "reference_id", out var reference, out var error))
        {
            return error;
        }

        var outcome = await grains.Ref<IAccountDirectoryGrain>(org).RecordTokenizationResult(reference, result);
        return outcome.ToResult(TypedResults.NoContent);
    }

    private static async Task<IResult> Requests([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "account_id")] string accountId, IGrainFactory grains)
    {
        if (!Ids.TryParse(accountId, "account_id", out var id, out var error))
        {
            return error;
        }

        var outcome = await grains.Ref<IAccountGrain>(GrainKeys.Account(org, id)).GetTokenizationRequests();
        return outcome.ToResult(items => TypedResults.Ok(new TokenizationRequestsResponse(items)));
    }

    private static async Task<IResult> AvailableCreditCards([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, IGrainFactory grains)
    {
        if (!Ids.TryParse(customerId, "customer_id", out var id, out var error))
        {
            return error;
        }

        var outcome = await grains.Ref<ICustomerAccountsGrain>(GrainKeys.Customer(org, id)).GetAvailableCreditCards();
        return outcome.ToResult(cards => TypedResults.Ok(new AvailableCreditCardsResponse(cards)));
    }

    public sealed record TokenizationRequestsResponse(IReadOnlyList<TokenizationRequestView> Items);

    public sealed record AvailableCreditCardsResponse(IReadOnlyList<CreditCardView> AvailableCreditCards);
}
