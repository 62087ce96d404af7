using Customers.Api.Auth;
using Customers.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace Customers.Api.Events;

/// <summary>Webhook subscriptions, TMF-hub style [events:write to change, events:read to list].</summary>
public static class HubEndpoints
{
    private const string Tag = "Events";

    public static RouteGroupBuilder MapHubEndpoints(this RouteGroupBuilder org)
    {
        var hub = org.MapGroup("/hub").WithTags(Tag).RequiresPermission("events");
        hub.MapPost("", Subscribe).Produces<SubscriptionCreatedResponse>(StatusCodes.Status201Created);
        hub.MapGet("", List).Produces<SubscriptionListResponse>();
        hub.MapGet("/{subscription_id}", Get).Produces<SubscriptionResponse>();
        hub.MapDelete("/{subscription_id}", Delete).Produces(StatusCodes.Status204NoContent);
        return org;
    }

    private static async Task<IResult> Subscribe([FromRoute(Name = "org_id")] string org, SubscribeRequest request, IGrainFactory grains)
    {
        var outcome = await Registry(grains, org).Subscribe(request);
        return outcome.ToResult(created => TypedResults.Created(
            $"/v4/orgs/{org}/hub/{created.Id:D}",
            new SubscriptionCreatedResponse(created.Id, created.Callback, created.Types, created.Secret!, created.CreatedAt)));
    }

    private static async Task<IResult> List([FromRoute(Name = "org_id")] string org, IGrainFactory grains)
    {
        var subscriptions = await Registry(grains, org).List();
        return TypedResults.Ok(new SubscriptionListResponse(subscriptions.Select(SubscriptionResponse.From).ToList()));
    }

    private static async Task<IResult> Get([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "subscription_id")] string subscriptionId, IGrainFactory grains)
    {
        if (!Ids.TryParse(subscriptionId, "id", out var id, out var error))
        {
            return error;
        }

        var outcome = await Registry(grains, org).Get(id);
        return outcome.ToResult(view => TypedResults.Ok(SubscriptionResponse.From(view)));
    }

    private static async Task<IResult> Delete([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "subscription_id")] string subscriptionId, IGrainFactory grains)
    {
        if (!Ids.TryParse(subscriptionId, "id", out var id, out var error))
        {
            return error;
        }

        var outcome = await Registry(grains, org).Unsubscribe(id);
        return outcome.ToResult(() => TypedResults.NoContent());
    }

    private static IWebhookRegistryGrain Registry(IGrainFactory grains, string org) =>
        grains.GetGrain<IWebhookRegistryGrain>(GrainKeys.WebhookRegistry(org));
}
