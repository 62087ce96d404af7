using Customers.Grains.Accounts;

namespace Customers.Tests.Validation;

public class PromotionCalendarTests
{
    private static readonly DateOnly Start = new(2026, 9, 1);
    private static readonly DateOnly End = new(2026, 9, 3);

    [Theory]
    [InlineData("2026-08-31T23:59:59", PromotionStatuses.Pending)]
    [InlineData("2026-09-01T00:00:00", PromotionStatuses.Active)]
    [InlineData("2026-09-03T23:59:59", PromotionStatuses.Active)]
    [InlineData("2026-09-04T00:00:00", PromotionStatuses.Expired)]
    public void The_status_changes_at_the_start_of_the_start_date_and_of_the_day_after_the_end_date(string now, string status) =>
        Assert.Equal(status, PromotionCalendar.StatusAt(Promotion(End), Utc(now)));

    [Fact]
    public void Without_an_end_date_it_never_expires()
    {
        var promotion = Promotion(null, PromotionStatuses.Active);

        Assert.Equal(PromotionStatuses.Active, PromotionCalendar.StatusAt(promotion, Utc("9999-12-31T00:00:00")));
        Assert.Null(PromotionCalendar.NextChange(promotion));
        Assert.Null(PromotionCalendar.NextChange(Promotion(DateOnly.MaxValue, PromotionStatuses.Active)));
    }

    [Fact]
    public void A_cancelled_promotion_stays_cancelled_and_has_nothing_due()
    {
        var promotion = Promotion(End, PromotionStatuses.Cancelled);

        Assert.Equal(PromotionStatuses.Cancelled, PromotionCalendar.StatusAt(promotion, Utc("2026-09-02T00:00:00")));
        Assert.Empty(PromotionCalendar.ChangesUntil(promotion, Utc("2026-10-01T00:00:00")));
        Assert.Null(PromotionCalendar.NextChange(promotion));
    }

    [Fact]
    public void The_changes_since_the_recorded_status_come_in_order_each_at_its_own_moment()
    {
        var changes = PromotionCalendar.ChangesUntil(Promotion(End), Utc("2026-10-01T12:00:00")).ToList();

        Assert.Equal([(PromotionStatuses.Active, Utc("2026-09-01T00:00:00")), (PromotionStatuses.Expired, Utc("2026-09-04T00:00:00"))], changes);
        Assert.Equal(Utc("2026-09-01T00:00:00"), PromotionCalendar.NextChange(Promotion(End)));
        Assert.Equal(Utc("2026-09-04T00:00:00"), PromotionCalendar.NextChange(Promotion(End, PromotionStatuses.Active)));
    }

    [Theory]
    [InlineData("2026-09-01", "2026-09-03", "2026-09-03", null, true)]
    [InlineData("2026-09-01", "2026-09-03", "2026-09-04", null, false)]
    [InlineData("2026-09-01", null, "2030-01-01", "2030-01-02", true)]
    [InlineData("2026-09-05", "2026-09-06", "2026-09-01", "2026-09-04", false)]
    [InlineData("2026-09-05", "2026-09-06", "2026-09-01", "2026-09-05", true)]
    public void Periods_overlap_when_they_share_a_day(string startA, string? endA, string startB, string? endB, bool overlap) =>
        Assert.Equal(overlap, PromotionCalendar.Overlap(DateOnly.Parse(startA), Day(endA), DateOnly.Parse(startB), Day(endB)));

    private static PromotionRecord Promotion(DateOnly? end, string status = PromotionStatuses.Pending) =>
        new() { Id = Guid.NewGuid(), PromotionId = 1, StartDate = Start, EndDate = end, Status = status };

    private static DateTime Utc(string text) => DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static DateOnly? Day(string? text) => text is null ? null : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
