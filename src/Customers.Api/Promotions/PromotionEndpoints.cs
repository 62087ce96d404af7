using Customers.Api.Http;
using Customers.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace Customers.Api.Promotions;

/// <summary>An account's promotions and the history of their operations.</summary>
public static class PromotionEndpoints
{
    private const string Tag = "Promotions";
    private const string About = "Promotions on an account and the history of their status changes.";

    public static RouteGroupBuilder MapPromotionEndpoints(this RouteGroupBuilder org)
    {
        var account = org.MapResource("/accounts/{account_id}", Tag, About, "accounts");
        account.MapPost("/promotions", Add)
            .Describe("createPromotion", "Add a promotion", "Adds a promotion to the account; a start_date in the past makes it ACTIVE at once. Answers a list with the created promotion.")
            .Answers(StatusCodes.Status409Conflict, "The same promotion_id overlaps a non-cancelled one on this account.")
            .Produces<List<PromotionView>>();
        account.MapGet("/promotions", List)
            .Describe("listPromotions", "List promotions", "The account's promotions: ACTIVATED (default), SCHEDULED or ALL.")
            .Produces<List<PromotionView>>();
        account.MapPatch("/promotions/{promotion_account_id}", Cancel)
            .Describe("cancelPromotion", "Cancel a promotion", "Sets the promotion's end_date to the cancellation date; before its start_date it is CANCELLED.")
            .Answers(StatusCodes.Status409Conflict, "The promotion is EXPIRED or CANCELLED.")
            .Produces(StatusCodes.Status204NoContent);
        account.MapGet("/promotions_hist", History)
            .Describe("getPromotionHistory", "Get the promotion history", "Every operation (INSERT, UPDATE, DELETE) on the account's promotions recorded on or after start_date, oldest first.")
            .Produces<List<PromotionOperationView>>();
        return org;
    }

    private static Task<IResult> Add(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "account_id")] string accountId,
        AddPromotionRequest request,
        IGrainFactory grains) =>
        Ids.With(accountId, "account_id", id => Account(grains, org, id).AddPromotion(request)
            .ToResult(created => JsonAnswer.Ok(new List<PromotionView> { created })));

    private static Task<IResult> List(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "account_id")] string accountId,
        [FromQuery(Name = "account_promotion_type")] string? type,
        IGrainFactory grains) =>
        Ids.With(accountId, "account_id", id => Account(grains, org, id).GetPromotions(type).ToOk());

    private static Task<IResult> Cancel(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "account_id")] string accountId,
        [FromRoute(Name = "promotion_account_id")] string promotionAccountId,
        CancelPromotionRequest request,
        IGrainFactory grains) =>
        Ids.With(accountId, "account_id", id => Ids.With(promotionAccountId, "promotion_account_id", promotion =>
            Account(grains, org, id).CancelPromotion(promotion, request).ToNoContent()));

    private static Task<IResult> History(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "account_id")] string accountId,
        [FromQuery(Name = "start_date")] string? startDate,
        IGrainFactory grains) =>
        Ids.With(accountId, "account_id", id => Account(grains, org, id).GetPromotionHistory(startDate).ToOk());

    private static IAccountGrain Account(IGrainFactory grains, string org, Guid id) => grains.Ref<IAccountGrain>(GrainKeys.Account(org, id));
}
