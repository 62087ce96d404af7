namespace Customers.Grains.Events;

[GenerateSerializer]
public sealed class WebhookSubscriptionState
{
    [Id(0)] public string Callback { get; set; } = "";
    [Id(1)] public List<string> Types { get; set; } = [];
    [Id(2)] public string Secret { get; set; } = "";
    [Id(3)] public DateTime CreatedAt { get; set; }
    [Id(4)] public long DeliveredThrough { get; set; }
    [Id(5)] public long FailedEvents { get; set; }
    [Id(6)] public string? LastError { get; set; }

    /// <summary>Attempts made on the event after <see cref="DeliveredThrough"/>; 0 when none yet.</summary>
    [Id(7)] public int Attempts { get; set; }

    public bool Exists => CreatedAt != default;
}

[GenerateSerializer]
public sealed class WebhookRegistryState
{
    [Id(0)] public List<Guid> Subscriptions { get; set; } = [];
}
