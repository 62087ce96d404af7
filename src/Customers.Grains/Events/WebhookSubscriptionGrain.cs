using Orleans.Placement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Customers.Grains.Events;

/// <summary>
/// Delivers one subscription's events in position order, one at a time: each event is retried with
/// a doubling delay (1 s up to 5 min) until delivered or past the horizon, then counted as failed
/// and skipped. Progress is stored every few dozen events, after each failed attempt and whenever
/// delivery catches up, so a restart or another silo resumes close to where it stopped, repeating
/// at most those few events (at least once). A timer drives the loop; a reminder brings the grain back after a
/// deactivation, a restart or the death of the silo it ran on.
/// It is placed on the silo that starts it (its registry's) and moves only when that silo goes.
/// </summary>
[PreferLocalPlacement]
public sealed class WebhookSubscriptionGrain(
    [PersistentState("webhook", StorageNames.Default)] IPersistentState<WebhookSubscriptionState> state,
    IEventStore store,
    IWebhookSender sender,
    TimeProvider time,
    IOptions<EventsOptions> options,
    IOptions<ReminderOptions> reminders,
    ILogger<WebhookSubscriptionGrain> logger) : Grain, IWebhookSubscriptionGrain, IRemindable
{
    private const string KeepAliveReminder = "webhook-delivery";
    private const int ReadAhead = 100;

    /// <summary>Progress is stored at least this often while delivering; a crash repeats at most these (at least once).</summary>
    private const int SaveEvery = 50;

    private readonly Queue<CustomerEvent> _ahead = new();
    private string _org = "";
    private Guid _id;
    private IGrainTimer? _timer;
    private int _unsaved;

    private WebhookSubscriptionState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_org, _id) = GrainKeys.ParseEntity(this.GetPrimaryKeyString());
        if (S.Exists)
        {
            StartDelivering();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        EventMetrics.Undelivered(_org, _id, null);
        if (_unsaved > 0 && S.Exists)
        {
            await state.WriteStateAsync();
        }
    }

    public async Task Start(WebhookSubscriptionState subscription)
    {
        if (S.Exists)
        {
            return;
        }

        var period = reminders.Value.MinimumReminderPeriod > TimeSpan.FromMinutes(1) ? reminders.Value.MinimumReminderPeriod : TimeSpan.FromMinutes(1);
        await this.RegisterOrUpdateReminder(KeepAliveReminder, period, period);
        state.State = subscription;
        await state.WriteStateAsync();
        StartDelivering();
    }

    public Task<WebhookSubscriptionView?> Get() => Task.FromResult(S.Exists
        ? new WebhookSubscriptionView
        {
            Id = _id,
            Callback = S.Callback,
            Types = S.Types,
            CreatedAt = S.CreatedAt,
            DeliveredThrough = S.DeliveredThrough,
            FailedEvents = S.FailedEvents,
            LastError = S.LastError,
        }
        : null);

    public async Task Stop()
    {
        _timer?.Dispose();
        _timer = null;
        _ahead.Clear();
        if (await this.GetReminder(KeepAliveReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        if (S.Exists)
        {
            await state.ClearStateAsync();
        }

        EventMetrics.Undelivered(_org, _id, null);
        DeactivateOnIdle();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!S.Exists && await this.GetReminder(reminderName) is { } orphan)
        {
            await this.UnregisterReminder(orphan);
        }
    }

    private void StartDelivering() =>
        _timer ??= this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });

    private async Task Tick(CancellationToken cancellationToken)
    {
        TimeSpan next;
        try
        {
            next = await Step(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Webhook delivery of subscription {Subscription} stalled; retrying", _id);
            _ahead.Clear();
            _unsaved = 0;
            await state.ReadStateAsync();
            next = options.Value.DeliveryPollInterval;
        }

        if (S.Exists)
        {
            _timer?.Change(next, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>One delivery attempt, or a look for new events; returns when to come back.</summary>
    private async Task<TimeSpan> Step(CancellationToken cancellationToken)
    {
        if (!S.Exists)
        {
            return Timeout.InfiniteTimeSpan;
        }

        if (_ahead.Count == 0)
        {
            // Positions are committed in order, so everything up to the end read here is visible to
            // the read after it: when that finds nothing a filtered subscription wants, it has seen
            // the feed that far, and says so rather than stay behind events it skips.
            var end = S.Types.Count > 0 ? await store.LastPosition(_org, cancellationToken) : 0;
            foreach (var e in await store.ReadAfter(_org, S.DeliveredThrough, ReadAhead, S.Types, cancellationToken))
            {
                _ahead.Enqueue(e);
            }

            if (_ahead.Count == 0 && end > S.DeliveredThrough)
            {
                S.DeliveredThrough = end;
                await state.WriteStateAsync();
                _unsaved = 0;
            }
        }

        if (!_ahead.TryPeek(out var next))
        {
            EventMetrics.Undelivered(_org, _id, null);
            return options.Value.DeliveryPollInterval;
        }

        EventMetrics.Undelivered(_org, _id, next.OccurredAt);
        // The horizon counts from when the event happened, so a receiver that was down for longer
        // than it gets one attempt per waiting event, not a horizon's worth of retries for each.
        var horizon = options.Value.DeliveryHorizon;
        if (S.Attempts > 0 && time.GetUtcNow().UtcDateTime - next.OccurredAt >= horizon)
        {
            // The last wait ran to the horizon: no attempt after it.
            return await GiveUp(next);
        }

        S.Attempts++;
        EventMetrics.DeliveriesAttempted.Add(1);
        var error = await sender.Send(S.Callback, S.Secret, next, S.Attempts, cancellationToken);
        if (error is null)
        {
            await Done(next);
            return TimeSpan.Zero;
        }

        EventMetrics.DeliveriesFailed.Add(1);
        S.LastError = error;
        var now = time.GetUtcNow().UtcDateTime;
        if (now - next.OccurredAt >= horizon)
        {
            return await GiveUp(next);
        }

        await state.WriteStateAsync();
        _unsaved = 0;
        return RetryWait(S.Attempts, next.OccurredAt, now, horizon);
    }

    /// <summary>
    /// The backoff after <paramref name="failedAttempts"/>, cut off at the horizon. Never negative:
    /// the horizon may pass between the check and this reading of the clock, and a timer given a
    /// negative wait throws instead of firing, which would leave the subscription waiting for good.
    /// </summary>
    public static TimeSpan RetryWait(int failedAttempts, DateTime occurredAt, DateTime now, TimeSpan horizon)
    {
        var wait = Backoff(failedAttempts);
        var untilHorizon = occurredAt + horizon - now;
        return untilHorizon <= TimeSpan.Zero ? TimeSpan.Zero : wait < untilHorizon ? wait : untilHorizon;
    }

    /// <summary>Counts an event whose attempts reached the horizon as failed and moves past it.</summary>
    private async Task<TimeSpan> GiveUp(CustomerEvent failed)
    {
        S.FailedEvents++;
        await Done(failed);
        return TimeSpan.Zero;
    }

    /// <summary>Moves past an event; stored once the read-ahead is done, or every <see cref="SaveEvery"/> events.</summary>
    private async Task Done(CustomerEvent delivered)
    {
        S.DeliveredThrough = delivered.Position;
        S.Attempts = 0;
        _ahead.Dequeue();
        if (++_unsaved >= SaveEvery || _ahead.Count == 0)
        {
            await state.WriteStateAsync();
            _unsaved = 0;
        }
    }

    /// <summary>1 s after the first failure, doubling, at most 5 min.</summary>
    public static TimeSpan Backoff(int failedAttempts)
    {
        var doublings = Math.Min(failedAttempts - 1, 20);
        var delay = EventsOptions.FirstRetryDelay * Math.Pow(2, doublings);
        return delay < EventsOptions.MaxRetryDelay ? delay : EventsOptions.MaxRetryDelay;
    }
}
