using System.Globalization;
using System.Text.Json.Nodes;

namespace Customers.Tests.Http.Accounts;

/// <summary>Promotion bodies as the page shows them, with dates counted from today (UTC).</summary>
public static class PromotionBodies
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static JsonObject Promotion(int promotionId, DateOnly start, DateOnly? end = null)
    {
        var body = new JsonObject { ["promotion_id"] = promotionId, ["start_date"] = Day(start) };
        if (end is { } e)
        {
            body["end_date"] = Day(e);
        }

        return body;
    }

    public static JsonObject Cancellation(DateOnly day) => new() { ["cancellation_date"] = Day(day) };
}
