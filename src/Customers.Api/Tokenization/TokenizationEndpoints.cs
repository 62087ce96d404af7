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

    private static Task<IResult> RecordResult(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "reference_id")] string referenceId,
        TokenizationResult result,
        IGrainFactory grains) =>
        Ids.With(referenceId, "reference_id", reference =>
            grains.Ref<IAccountDirectoryGrain>(org).RecordTokenizationResult(reference, result).ToNoContent());

    private static Task<IResult> Requests([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "account_id")] string accountId, IGrainFactory grains) =>
        Ids.With(accountId, "account_id", id => grains.Ref<IAccountGrain>(GrainKeys.Account(org, id)).GetTokenizationRequests()
            .ToResult(items => JsonAnswer.Ok(new TokenizationRequestsResponse(items))));

    private static Task<IResult> AvailableCreditCards([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => grains.Ref<ICustomerAccountsGrain>(GrainKeys.Customer(org, id)).GetAvailableCreditCards()
            .ToResult(cards => JsonAnswer.Ok(new AvailableCreditCardsResponse(cards))));

    public sealed record TokenizationRequestsResponse(IReadOnlyList<TokenizationRequestView> Items);

    public sealed record AvailableCreditCardsResponse(IReadOnlyList<CreditCardView> AvailableCreditCards);
}
