using System.Globalization;

namespace Customers.Grains.Validation;

/// <summary>Validation of promotion requests and filters (contract §7).</summary>
public static class PromotionRules
{
    public const int MinPromotionId = 1;
    public const int MaxPromotionId = 9999;

    public static Violations ValidateAdd(AddPromotionRequest request, out DateOnly startDate, out DateOnly? endDate)
    {
        var v = new Violations();
        if (request.PromotionId is not { } promotionId)
        {
            v.Add("promotion_id", "is required");
        }
        else if (promotionId is < MinPromotionId or > MaxPromotionId)
        {
            v.Add("promotion_id", $"must be between {MinPromotionId} and {MaxPromotionId}");
        }

        var start = v.Date(request.StartDate, "start_date", required: true);
        endDate = v.Date(request.EndDate, "end_date", required: false);
        if (start is { } s && endDate is { } e && e < s)
        {
            v.Add("end_date", "must not be before start_date");
        }

        startDate = start ?? default;
        return v;
    }

    /// <summary>A cancellation date: required, and not before <paramref name="today"/>.</summary>
    public static Violations ValidateCancel(CancelPromotionRequest request, DateOnly today, out DateOnly cancellationDate)
    {
        var v = new Violations();
        var date = v.Date(request.CancellationDate, "cancellation_date", required: true);
        if (date < today)
        {
            v.Add("cancellation_date", $"must not be in the past (today is {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} UTC)");
        }

        cancellationDate = date ?? default;
        return v;
    }

    /// <summary>The <c>account_promotion_type</c> filter, ACTIVATED when absent and for its synonym ACTIVE.</summary>
    public static string? ListType(Violations v, string? value)
    {
        var type = v.OneOf(value ?? PromotionListTypes.Activated, "account_promotion_type", required: true,
            PromotionListTypes.Activated, PromotionListTypes.Scheduled, PromotionListTypes.All, PromotionListTypes.Active);
        return type == PromotionListTypes.Active ? PromotionListTypes.Activated : type;
    }
}
