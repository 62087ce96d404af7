using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Customers.Grains.Events;

/// <summary>Meter <c>Customers.Events</c>, exported on <c>/metrics</c>.</summary>
public static class EventMetrics
{
    public const string MeterName = "Customers.Events";

    /// <summary>One series per webhook subscription delivered from this silo.</summary>
    public const string SubscriptionLagInstrument = "customers.webhooks.oldest_undelivered_age";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Per subscription delivered from this silo: when its oldest undelivered event occurred.</summary>
    private static readonly ConcurrentDictionary<(string Org, Guid Subscription), DateTime> OldestUndelivered = new();

    public static readonly Counter<long> Recorded =
        Meter.CreateCounter<long>("customers.events.recorded", "{event}", "Events stored in the event log with their change");

    public static readonly Counter<long> DeliveriesAttempted =
        Meter.CreateCounter<long>("customers.webhooks.deliveries.attempted", "{delivery}", "Webhook delivery attempts");

    public static readonly Counter<long> DeliveriesFailed =
        Meter.CreateCounter<long>("customers.webhooks.deliveries.failed", "{delivery}", "Webhook delivery attempts that were not answered 2xx in time");

    static EventMetrics()
    {
        Meter.CreateObservableGauge(
            SubscriptionLagInstrument,
            () => OldestUndelivered.Select(p => new Measurement<double>(
                Math.Max(0, (DateTime.UtcNow - p.Value).TotalSeconds),
                new KeyValuePair<string, object?>("org", p.Key.Org),
                new KeyValuePair<string, object?>("subscription", p.Key.Subscription.ToString()))),
            "s",
            "Age of the oldest event a subscription has not delivered yet");
    }

    public static void Undelivered(string org, Guid subscription, DateTime? oldest)
    {
        if (oldest is { } at)
        {
            OldestUndelivered[(org, subscription)] = at;
        }
        else
        {
            OldestUndelivered.TryRemove((org, subscription), out _);
        }
    }
}
