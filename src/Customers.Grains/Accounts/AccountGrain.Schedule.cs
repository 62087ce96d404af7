using Microsoft.Extensions.Logging;

namespace Customers.Grains.Accounts;

/// <summary>
/// The account's one reminder. Whatever happens to an account by the clock alone — a PENDING card
/// tokenization reaching its deadline, a promotion starting or ending — has its due time in state;
/// the reminder is armed for the earliest of them, and each tick records whatever is due and re-arms
/// for the next. However many promotions an account holds, it has at most one reminder row, and none
/// while nothing is due.
/// </summary>
public sealed partial class AccountGrain
{
    private const string ScheduleReminder = "account-schedule";

    private static readonly TimeSpan DefaultRetryPeriod = TimeSpan.FromMinutes(1);

    /// <summary>When this activation last armed the reminder for; meaningful only while <see cref="_armedKnown"/>.</summary>
    private DateTime? _armedFor;

    /// <summary>False after activation and after each tick: what the reminder table holds is then not known here.</summary>
    private bool _armedKnown;

    /// <summary>
    /// The reminder's period only matters when a tick fails (re-arming replaces it after every tick that
    /// succeeds): the tick is then retried, as often as Orleans lets a reminder tick.
    /// </summary>
    private TimeSpan RetryPeriod => _reminders.MinimumReminderPeriod > DefaultRetryPeriod ? _reminders.MinimumReminderPeriod : DefaultRetryPeriod;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ScheduleReminder)
        {
            return;
        }

        _armedKnown = false;
        await CatchUp();
        await Rearm();
    }

    /// <summary>
    /// Records, durably, what the clock has made due: PENDING tokenizations past their deadline expire,
    /// promotions take the status their dates give them (one UPDATE per change, at the moment it took
    /// effect). Commands call it before acting, so the operation history stays in time order.
    /// </summary>
    private async Task CatchUp()
    {
        var now = Now;
        var overdue = S.Tokenizations.Where(t => t.Status == TokenizationStatuses.Pending && t.ExpiresAt <= now).ToList();
        var changes = S.Promotions
            .SelectMany(p => PromotionCalendar.ChangesUntil(p, now).Select(change => (Promotion: p, change.Status, change.At)))
            .OrderBy(change => change.At)
            .ToList();
        if (overdue.Count == 0 && changes.Count == 0)
        {
            return;
        }

        var snapshot = Snapshot();
        foreach (var request in overdue)
        {
            Expire(request);
            S.UpdatedAt = now;
            RecordBySystem(EventTypes.TokenizationExpired, "tokenization_requests");
        }

        foreach (var (promotion, status, at) in changes)
        {
            promotion.Status = status;
            RecordOperation(promotion, PromotionOperations.Update, at);
            RecordBySystem(PromotionEvent(status), "promotions");
        }

        await WriteOrRevert(snapshot);
    }

    /// <summary>
    /// Writes a change that may move the account's due times. The reminder is armed first, no later
    /// than the earliest due time of either the new state or the one it replaces, so it is never late
    /// whether the write succeeds or not; an early tick finds nothing due and re-arms.
    /// </summary>
    private Task WriteScheduled(AccountState previous) =>
        WriteOrRevert(previous, () => ArmNoLaterThan(Earliest(NextDue(previous), NextDue(S))));

    /// <summary>Arms the reminder for <paramref name="due"/> unless it is known to fire by then already.</summary>
    private async Task ArmNoLaterThan(DateTime? due)
    {
        if (due is not { } at || (_armedKnown && _armedFor <= at))
        {
            return;
        }

        await Arm(at);
    }

    /// <summary>
    /// After a durable change: arms the reminder for exactly the next due time, or removes it when
    /// nothing is due. The state is durable already, so a failure here is not the caller's: the
    /// reminder stays armed for an earlier time (or retries its tick) and re-arms when it fires.
    /// </summary>
    private async Task Rearm()
    {
        var due = NextDue(S);
        if (_armedKnown && _armedFor == due)
        {
            return;
        }

        try
        {
            if (due is { } at)
            {
                await Arm(at);
            }
            else
            {
                await Unregister(ScheduleReminder);
                (_armedFor, _armedKnown) = (null, true);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Could not re-arm the reminder of account {Account}; it re-arms on its next tick", _id);
        }
    }

    private async Task Arm(DateTime at)
    {
        var due = at - Now;
        await this.RegisterOrUpdateReminder(ScheduleReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, RetryPeriod);
        (_armedFor, _armedKnown) = (at, true);
    }

    private async Task Unregister(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>The earliest moment the clock alone changes something on the account; null when nothing ever will.</summary>
    private static DateTime? NextDue(AccountState account)
    {
        if (!account.IsLive)
        {
            return null;
        }

        var tokenization = account.PendingTokenization?.ExpiresAt;
        var promotion = account.Promotions.Select(PromotionCalendar.NextChange).Min();
        return Earliest(tokenization, promotion);
    }

    private static DateTime? Earliest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
