namespace Customers.Grains.Events;

/// <summary>
/// One webhook subscription, keyed <c>{org}/{id}</c>. Single activation, so exactly one silo delivers
/// it at a time: one delivery in flight, in position order.
/// </summary>
public interface IWebhookSubscriptionGrain : IGrainWithStringKey
{
    Task Start(WebhookSubscriptionState subscription);

    Task<WebhookSubscriptionView?> Get();

    Task Stop();
}
