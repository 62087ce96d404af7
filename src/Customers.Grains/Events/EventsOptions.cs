namespace Customers.Grains.Events;

/// <summary>Configuration section <c>Events</c>.</summary>
public sealed class EventsOptions
{
    public const string Section = "Events";

    /// <summary>How long a webhook delivery is retried before the event counts as failed and is skipped.</summary>
    public TimeSpan DeliveryHorizon { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Lets callbacks reach loopback, private, link-local and unique-local addresses (tests, closed networks).</summary>
    public bool AllowPrivateCallbacks { get; set; }

    /// <summary>How often an idle subscription looks for new events.</summary>
    public TimeSpan DeliveryPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a silo looks for events still without a position.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the sweep also looks for orgs no positioning pass has seen yet (and at a silo's start).</summary>
    public TimeSpan FullSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(10);
}
