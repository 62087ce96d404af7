namespace Customers;

/// <summary>An org's webhook subscriptions, keyed by the org id.</summary>
public interface IWebhookRegistryGrain : IGrainWithStringKey
{
    Task<Outcome<WebhookSubscriptionView>> Subscribe(SubscribeRequest request);

    Task<List<WebhookSubscriptionView>> List();

    Task<Outcome<WebhookSubscriptionView>> Get(Guid id);

    Task<Outcome> Unsubscribe(Guid id);
}

[GenerateSerializer]
public sealed class SubscribeRequest
{
    [Id(0)] public string? Callback { get; set; }
    [Id(1)] public List<string>? Types { get; set; }
    [Id(2)] public string? Secret { get; set; }
}

[GenerateSerializer]
public sealed class WebhookSubscriptionView
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public string Callback { get; set; } = "";
    [Id(2)] public List<string> Types { get; set; } = [];

    /// <summary>Set only in the answer to the subscription itself.</summary>
    [Id(3)] public string? Secret { get; set; }
    [Id(4)] public DateTime CreatedAt { get; set; }
    [Id(5)] public long? DeliveredThrough { get; set; }
    [Id(6)] public long? FailedEvents { get; set; }
    [Id(7)] public string? LastError { get; set; }
}
