using Customers.Api.Auth;
using Customers.Api.Http;
using Customers.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace Customers.Api.Events;

/// <summary>Webhook subscriptions, TMF-hub style [events:write to change, events:read to list].</summary>
public static class HubEndpoints
{
    private const string Tag = "Events";

    public static RouteGroupBuilder MapHubEndpoints(this RouteGroupBuilder org)
    {
        var hub = org.MapGroup("/hub")
            .Tagged(Tag, "Webhook subscriptions (TMF hub style): each receives the org's events recorded after it was created, signed, in order, at least once (events:write to change, events:read to list).")
            .RequiresPermission("events");
        hub.MapPost("", Subscribe)
            .Describe("createSubscription", "Subscribe a webhook", "Subscribes an absolute http(s) callback to the org's events, optionally only those whose type starts with one of `types`. Deliveries are POSTs of the event with X-Event-Id, X-Event-Type, X-Delivery-Attempt and X-Signature-256 (sha256 HMAC of the body with the secret). The secret, generated when not given, is shown only in this answer. A callback on a loopback, private or link-local address is 400 unless the service allows it.")
            .Answers(StatusCodes.Status409Conflict, "The org already has 100 subscriptions.")
            .Produces<SubscriptionCreatedResponse>(StatusCodes.Status201Created);
        hub.MapGet("", List)
            .Describe("listSubscriptions", "List webhook subscriptions", "The org's subscriptions, without their secrets.")
            .Produces<SubscriptionListResponse>();
        hub.MapGet("/{subscription_id}", Get)
            .Describe("getSubscription", "Get a webhook subscription", "The subscription with its delivery progress: delivered_through (the last position delivered or skipped), failed_events (events given up after the delivery horizon) and last_error.")
            .Produces<SubscriptionResponse>();
        hub.MapDelete("/{subscription_id}", Delete)
            .Describe("deleteSubscription", "Delete a webhook subscription", "Stops the deliveries and removes the subscription.")
            .Produces(StatusCodes.Status204NoContent);
        return org;
    }

    private static Task<IResult> Subscribe([FromRoute(Name = "org_id")] string org, SubscribeRequest request, IGrainFactory grains) =>
        Registry(grains, org).Subscribe(request).ToResult(created => JsonAnswer.Created(
            $"/v4/orgs/{org}/hub/{created.Id:D}",
            new SubscriptionCreatedResponse(created.Id, created.Callback, created.Types, created.Secret!, created.CreatedAt)));

    private static async Task<IResult> List([FromRoute(Name = "org_id")] string org, IGrainFactory grains)
    {
        var subscriptions = await Registry(grains, org).List();
        return JsonAnswer.Ok(new SubscriptionListResponse(subscriptions.Select(SubscriptionResponse.From).ToList()));
    }

    private static Task<IResult> Get([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "subscription_id")] string subscriptionId, IGrainFactory grains) =>
        Ids.With(subscriptionId, "id", id => Registry(grains, org).Get(id).ToResult(view => JsonAnswer.Ok(SubscriptionResponse.From(view))));

    private static Task<IResult> Delete([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "subscription_id")] string subscriptionId, IGrainFactory grains) =>
        Ids.With(subscriptionId, "id", id => Registry(grains, org).Unsubscribe(id).ToNoContent());

    private static IWebhookRegistryGrain Registry(IGrainFactory grains, string org) =>
        grains.Ref<IWebhookRegistryGrain>(GrainKeys.WebhookRegistry(org));
}
