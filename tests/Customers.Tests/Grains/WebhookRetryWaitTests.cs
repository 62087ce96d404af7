using Customers.Grains.Events;

namespace Customers.Tests.Grains;

/// <summary>How long a subscription waits before its next attempt at an event it could not deliver; the horizon counts from the event's occurrence.</summary>
public class WebhookRetryWaitTests
{
    private static readonly DateTime OccurredAt = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    private static readonly TimeSpan Horizon = TimeSpan.FromSeconds(4);

    [Fact]
    public void Well_before_the_horizon_the_wait_is_the_backoff() =>
        Assert.Equal(TimeSpan.FromSeconds(2), WebhookSubscriptionGrain.RetryWait(2, OccurredAt, OccurredAt.AddSeconds(1), Horizon));

    [Fact]
    public void A_backoff_that_would_pass_the_horizon_ends_at_it() =>
        Assert.Equal(TimeSpan.FromSeconds(1), WebhookSubscriptionGrain.RetryWait(3, OccurredAt, OccurredAt.AddSeconds(3), Horizon));

    [Fact]
    public void Once_the_horizon_has_passed_the_next_step_comes_at_once_rather_than_after_a_negative_wait() =>
        Assert.Equal(TimeSpan.Zero, WebhookSubscriptionGrain.RetryWait(3, OccurredAt, OccurredAt.AddSeconds(4).AddMilliseconds(3), Horizon));
}
