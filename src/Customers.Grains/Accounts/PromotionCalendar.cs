namespace Customers.Grains.Accounts;

/// <summary>
/// A promotion's status as a function of its dates, in UTC days: PENDING before its start_date,
/// ACTIVE from 00:00 of its start_date, EXPIRED from 00:00 of the day after its end_date.
/// CANCELLED, once recorded, stays. Reads and the account's reminder both go by these.
/// </summary>
public static class PromotionCalendar
{
    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(utc);

    public static DateTime StartOf(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public static DateTime ActivatesAt(PromotionRecord promotion) => StartOf(promotion.StartDate);

    /// <summary>Null when the promotion has no end (the last representable day counts as none).</summary>
    public static DateTime? ExpiresAt(PromotionRecord promotion) =>
        promotion.EndDate is { } end && end < DateOnly.MaxValue ? StartOf(end.AddDays(1)) : null;

    public static string StatusAt(PromotionRecord promotion, DateTime now)
    {
        if (promotion.Status == PromotionStatuses.Cancelled)
        {
            return PromotionStatuses.Cancelled;
        }

        if (now < ActivatesAt(promotion))
        {
            return PromotionStatuses.Pending;
        }

        return ExpiresAt(promotion) is { } expiry && now >= expiry ? PromotionStatuses.Expired : PromotionStatuses.Active;
    }

    /// <summary>The changes of status since the recorded one, up to <paramref name="now"/>, oldest first, each with the moment it took effect.</summary>
    public static IEnumerable<(string Status, DateTime At)> ChangesUntil(PromotionRecord promotion, DateTime now)
    {
        var status = promotion.Status;
        if (status == PromotionStatuses.Pending && ActivatesAt(promotion) is var activation && activation <= now)
        {
            status = PromotionStatuses.Active;
            yield return (status, activation);
        }

        if (status == PromotionStatuses.Active && ExpiresAt(promotion) is { } expiry && expiry <= now)
        {
            yield return (PromotionStatuses.Expired, expiry);
        }
    }

    /// <summary>When the recorded status next changes by date; null when it never will.</summary>
    public static DateTime? NextChange(PromotionRecord promotion) => promotion.Status switch
    {
        PromotionStatuses.Pending => ActivatesAt(promotion),
        PromotionStatuses.Active => ExpiresAt(promotion),
        _ => null,
    };

    /// <summary>Whether two periods of days, both ends included (no end: open), share a day.</summary>
    public static bool Overlap(DateOnly startA, DateOnly? endA, DateOnly startB, DateOnly? endB) =>
        (endB is null || startA <= endB) && (endA is null || startB <= endA);
}
