using System.Globalization;
using Customers.Grains.Accounts;
using Microsoft.Extensions.Time.Testing;

namespace Customers.Tests.Grains;

/// <summary>Promotions on the account grain, with a clock the tests move and the reminder's tick driven by hand.</summary>
[Collection(GrainClusterCollection.Name)]
public class AccountPromotionTests(GrainClusterFixture fixture)
{
    private const string Reminder = "account-schedule";
    private static FakeTimeProvider Clock => GrainClusterFixture.Clock;
    private readonly string _org = $"org-{Guid.NewGuid():N}"[..20];

    private static DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_promotion_goes_from_pending_to_active_to_expired_and_the_reminder_records_each_change()
    {
        var account = await OpenAccount();
        var start = Today.AddDays(2);
        var end = Today.AddDays(4);

        var created = (await account.AddPromotion(Promotion(2064, start, end))).Value!;
        Assert.Equal(PromotionStatuses.Pending, created.Status);
        Assert.Equal(start, created.StartDate);
        Assert.Equal(end, created.EndDate);

        AdvanceTo(Midnight(start) - TimeSpan.FromSeconds(1));
        await Tick(account);
        Assert.Equal(PromotionStatuses.Pending, (await Single(account, PromotionListTypes.All)).Status);
        Assert.Equal([(PromotionOperations.Insert, PromotionStatuses.Pending)], await History(account));

        AdvanceTo(Midnight(start));
        Assert.Equal(PromotionStatuses.Active, (await Single(account, PromotionListTypes.Activated)).Status);
        await Tick(account);
        Assert.Equal(
            [(PromotionOperations.Insert, PromotionStatuses.Pending), (PromotionOperations.Update, PromotionStatuses.Active)],
            await History(account));

        AdvanceTo(Midnight(end.AddDays(1)) - TimeSpan.FromSeconds(1));
        Assert.Equal(PromotionStatuses.Active, (await Single(account, PromotionListTypes.Activated)).Status);
        AdvanceTo(Midnight(end.AddDays(1)));
        Assert.Empty((await account.GetPromotions(PromotionListTypes.All)).Value!);
        await Tick(account);

        Assert.Equal(
            [(PromotionOperations.Insert, PromotionStatuses.Pending), (PromotionOperations.Update, PromotionStatuses.Active), (PromotionOperations.Update, PromotionStatuses.Expired)],
            await History(account));
        var stored = Assert.Single((await fixture.StoredAccount(account)).Promotions);
        Assert.Equal(PromotionStatuses.Expired, stored.Status);
        Assert.Empty(await fixture.Reminders(account));
    }

    [Fact]
    public async Task Each_change_is_recorded_on_the_day_it_took_effect_even_when_the_tick_comes_late()
    {
        var account = await OpenAccount();
        var start = Today.AddDays(1);
        var end = Today.AddDays(3);
        await account.AddPromotion(Promotion(7, start, end));

        AdvanceTo(Midnight(end.AddDays(10)));
        await Tick(account);

        Assert.Equal(
            [(PromotionOperations.Insert, PromotionStatuses.Pending), (PromotionOperations.Update, PromotionStatuses.Active), (PromotionOperations.Update, PromotionStatuses.Expired)],
            await History(account));
        Assert.Equal(
            [(PromotionOperations.Update, PromotionStatuses.Active), (PromotionOperations.Update, PromotionStatuses.Expired)],
            await History(account, start));
        Assert.Equal([(PromotionOperations.Update, PromotionStatuses.Expired)], await History(account, start.AddDays(1)));
        Assert.Empty(await History(account, end.AddDays(2)));
    }

    [Fact]
    public async Task A_command_records_the_changes_that_came_due_before_its_own()
    {
        var account = await OpenAccount();
        var promotion = (await account.AddPromotion(Promotion(8, Today.AddDays(1), null))).Value!;

        AdvanceTo(Midnight(Today.AddDays(1)) + TimeSpan.FromHours(5));
        Assert.True((await account.CancelPromotion(promotion.Id, Cancellation(Today.AddDays(2)))).IsOk);

        Assert.Equal(
            [(PromotionOperations.Insert, PromotionStatuses.Pending), (PromotionOperations.Update, PromotionStatuses.Active), (PromotionOperations.Update, PromotionStatuses.Active)],
            await History(account));
        Assert.Equal(Today.AddDays(2), (await Single(account, PromotionListTypes.Activated)).EndDate);
    }

    [Fact]
    public async Task Cancelling_before_the_start_makes_it_cancelled_for_good()
    {
        var account = await OpenAccount();
        var start = Today.AddDays(3);
        var promotion = (await account.AddPromotion(Promotion(2064, start, Today.AddDays(9)))).Value!;

        Assert.True((await account.CancelPromotion(promotion.Id, Cancellation(Today.AddDays(1)))).IsOk);

        Assert.Empty((await account.GetPromotions(PromotionListTypes.All)).Value!);
        var operations = (await account.GetPromotionHistory(null)).Value!;
        Assert.Equal(2, operations.Count);
        Assert.Equal(PromotionOperations.Update, operations[1].Operation);
        Assert.Equal(PromotionStatuses.Cancelled, operations[1].Status);
        Assert.Equal(Today.AddDays(1), operations[1].EndDate);
        Assert.Empty(await fixture.Reminders(account));

        AdvanceTo(Midnight(start.AddDays(1)));
        await Tick(account);
        Assert.Equal(2, (await account.GetPromotionHistory(null)).Value!.Count);
        Assert.Equal(OutcomeStatus.Conflict, (await account.CancelPromotion(promotion.Id, Cancellation(Today.AddDays(1)))).Status);
    }

    [Fact]
    public async Task Cancelling_an_active_promotion_ends_it_on_the_cancellation_date_and_it_expires_the_day_after()
    {
        var account = await OpenAccount();
        var promotion = (await account.AddPromotion(Promotion(11, Today.AddDays(-5), null))).Value!;
        Assert.Equal(PromotionStatuses.Active, promotion.Status);
        var cancellation = Today;

        Assert.True((await account.CancelPromotion(promotion.Id, Cancellation(cancellation))).IsOk);

        var reminder = Assert.Single(await fixture.Reminders(account));
        Assert.Equal(Midnight(cancellation.AddDays(1)), reminder.StartAt);
        Assert.Equal(cancellation, (await Single(account, PromotionListTypes.Activated)).EndDate);
        AdvanceTo(Midnight(cancellation.AddDays(1)));
        await Tick(account);
        Assert.Equal(
            [(PromotionOperations.Insert, PromotionStatuses.Active), (PromotionOperations.Update, PromotionStatuses.Active), (PromotionOperations.Update, PromotionStatuses.Expired)],
            await History(account));
        Assert.Equal(OutcomeStatus.Conflict, (await account.CancelPromotion(promotion.Id, Cancellation(Today))).Status);
    }

    [Fact]
    public async Task A_cancellation_date_in_the_past_is_refused_and_an_unknown_promotion_is_not_found()
    {
        var account = await OpenAccount();
        var promotion = (await account.AddPromotion(Promotion(12, Today.AddDays(1), null))).Value!;

        var past = await account.CancelPromotion(promotion.Id, Cancellation(Today.AddDays(-1)));
        var missing = await account.CancelPromotion(promotion.Id, new CancelPromotionRequest());
        var unknown = await account.CancelPromotion(Guid.NewGuid(), Cancellation(Today));

        Assert.Equal("cancellation_date", Assert.Single(past.Errors).Field);
        Assert.Equal("cancellation_date", Assert.Single(missing.Errors).Field);
        Assert.Equal(OutcomeStatus.NotFound, unknown.Status);
        Assert.Single(await History(account));
    }

    [Fact]
    public async Task A_promotion_that_started_already_is_active_at_once()
    {
        var account = await OpenAccount();

        var started = (await account.AddPromotion(Promotion(13, Today.AddDays(-1), Today.AddDays(1)))).Value!;
        var today = (await account.AddPromotion(Promotion(14, Today, null))).Value!;

        Assert.Equal(PromotionStatuses.Active, started.Status);
        Assert.Equal(PromotionStatuses.Active, today.Status);
        Assert.Equal(2, (await account.GetPromotions(null)).Value!.Count);
        Assert.Equal([(PromotionOperations.Insert, PromotionStatuses.Active), (PromotionOperations.Insert, PromotionStatuses.Active)], await History(account));
    }

    [Theory]
    [InlineData(null, "2026-09-01", null, "promotion_id")]
    [InlineData(0, "2026-09-01", null, "promotion_id")]
    [InlineData(10000, "2026-09-01", null, "promotion_id")]
    [InlineData(1, null, null, "start_date")]
    [InlineData(1, "2026-13-01", null, "start_date")]
    [InlineData(1, "2026-09-01", "01/10/2026", "end_date")]
    [InlineData(1, "2026-09-01", "2026-08-31", "end_date")]
    public async Task An_invalid_promotion_names_its_field(int? promotionId, string? start, string? end, string field)
    {
        var account = await OpenAccount();

        var outcome = await account.AddPromotion(new AddPromotionRequest { PromotionId = promotionId, StartDate = start, EndDate = end });

        Assert.Equal(field, Assert.Single(outcome.Errors).Field);
    }

    [Fact]
    public async Task The_same_promotion_id_may_not_overlap_a_promotion_of_the_account_that_is_not_cancelled()
    {
        var account = await OpenAccount();
        var first = (await account.AddPromotion(Promotion(20, Today.AddDays(10), Today.AddDays(20)))).Value!;

        Assert.Equal(OutcomeStatus.Conflict, (await account.AddPromotion(Promotion(20, Today.AddDays(20), null))).Status);
        Assert.Equal(OutcomeStatus.Conflict, (await account.AddPromotion(Promotion(20, Today.AddDays(1), Today.AddDays(10)))).Status);
        Assert.True((await account.AddPromotion(Promotion(21, Today.AddDays(10), Today.AddDays(20)))).IsOk);
        var later = (await account.AddPromotion(Promotion(20, Today.AddDays(21), Today.AddDays(30)))).Value!;

        // Moving an end date into another period of the same promotion is refused too.
        Assert.Equal(OutcomeStatus.Conflict, (await account.CancelPromotion(first.Id, Cancellation(Today.AddDays(25)))).Status);
        Assert.True((await account.CancelPromotion(later.Id, Cancellation(Today))).IsOk);
        Assert.True((await account.AddPromotion(Promotion(20, Today.AddDays(21), Today.AddDays(22)))).IsOk);
    }

    [Fact]
    public async Task The_list_shows_activated_by_default_scheduled_or_all()
    {
        var account = await OpenAccount();
        var active = (await account.AddPromotion(Promotion(30, Today.AddDays(-1), null))).Value!;
        var scheduled = (await account.AddPromotion(Promotion(31, Today.AddDays(1), null))).Value!;
        await account.AddPromotion(Promotion(32, Today.AddDays(-10), Today.AddDays(-5)));

        Assert.Equal([active.Id], Ids(await account.GetPromotions(null)));
        Assert.Equal([active.Id], Ids(await account.GetPromotions(PromotionListTypes.Activated)));
        Assert.Equal([active.Id], Ids(await account.GetPromotions(PromotionListTypes.Active)));
        Assert.Equal([scheduled.Id], Ids(await account.GetPromotions(PromotionListTypes.Scheduled)));
        Assert.Equal([active.Id, scheduled.Id], Ids(await account.GetPromotions(PromotionListTypes.All)));
        Assert.Equal("account_promotion_type", Assert.Single((await account.GetPromotions("EXPIRED")).Errors).Field);
    }

    [Fact]
    public async Task One_reminder_per_account_armed_for_the_earliest_change_however_many_promotions_it_holds()
    {
        var account = await OpenAccount();
        var earliest = Today.AddDays(3);
        for (var i = 0; i < 30; i++)
        {
            Assert.True((await account.AddPromotion(Promotion(100 + i, earliest.AddDays(30 - i), earliest.AddDays(60)))).IsOk);
        }

        var reminder = Assert.Single(await fixture.Reminders(account));
        Assert.Equal(Reminder, reminder.ReminderName);
        Assert.Equal(Midnight(earliest.AddDays(1)), reminder.StartAt);

        await account.AddPromotion(Promotion(200, earliest, earliest));
        Assert.Equal(Midnight(earliest), Assert.Single(await fixture.Reminders(account)).StartAt);

        AdvanceTo(Midnight(earliest));
        await Tick(account);
        Assert.Equal(Midnight(earliest.AddDays(1)), Assert.Single(await fixture.Reminders(account)).StartAt);

        AdvanceTo(Midnight(earliest.AddDays(1)));
        await Tick(account);
        Assert.Equal(Midnight(earliest.AddDays(2)), Assert.Single(await fixture.Reminders(account)).StartAt);
    }

    [Fact]
    public async Task The_account_reminder_also_expires_a_pending_tokenization_and_is_armed_for_whichever_comes_first()
    {
        var account = await OpenAccount(AccountRequests.CardReference(Guid.NewGuid()));
        var deadline = Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(15);
        Assert.Equal(deadline, Assert.Single(await fixture.Reminders(account)).StartAt);

        var start = Today.AddDays(1);
        await account.AddPromotion(Promotion(40, start, null));
        Assert.Equal(deadline, Assert.Single(await fixture.Reminders(account)).StartAt);

        AdvanceTo(deadline);
        await Tick(account);
        Assert.Equal(TokenizationStatuses.Expired, Assert.Single((await account.GetTokenizationRequests()).Value!).Status);
        var reminder = Assert.Single(await fixture.Reminders(account));
        Assert.Equal(Reminder, reminder.ReminderName);
        Assert.Equal(Midnight(start), reminder.StartAt);
    }

    [Fact]
    public async Task Ending_the_account_cancels_its_scheduled_and_active_promotions_and_records_it()
    {
        var customer = await Customer();
        var (account, id) = await OpenAccount(customer);
        await account.AddPromotion(Promotion(50, Today.AddDays(-10), Today.AddDays(-2)));
        await account.AddPromotion(Promotion(51, Today.AddDays(-1), null));
        await account.AddPromotion(Promotion(52, Today.AddDays(5), Today.AddDays(9)));

        Assert.True((await customer.CloseAccount(id)).IsOk);

        var stored = await fixture.StoredAccount(account);
        Assert.Equal(
            [PromotionStatuses.Expired, PromotionStatuses.Cancelled, PromotionStatuses.Cancelled],
            stored.Promotions.Select(p => p.Status));
        Assert.All(stored.Promotions.Skip(1), p => Assert.Equal(Today, p.EndDate));
        var deletes = stored.PromotionOperations.Where(o => o.Operation == PromotionOperations.Delete).ToList();
        Assert.Equal([51, 52], deletes.Select(o => o.PromotionId));
        Assert.All(deletes, o => Assert.Equal(PromotionStatuses.Cancelled, o.Status));
        Assert.Empty(await fixture.Reminders(account));
        Assert.Equal(OutcomeStatus.NotFound, (await account.GetPromotions(null)).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await account.GetPromotionHistory(null)).Status);
        Assert.Equal(OutcomeStatus.NotFound, (await account.AddPromotion(Promotion(53, Today, null))).Status);
    }

    private static AddPromotionRequest Promotion(int promotionId, DateOnly start, DateOnly? end) =>
        new() { PromotionId = promotionId, StartDate = Text(start), EndDate = end is { } e ? Text(e) : null };

    private static CancelPromotionRequest Cancellation(DateOnly date) => new() { CancellationDate = Text(date) };

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime Midnight(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static void AdvanceTo(DateTime moment)
    {
        var by = moment - Clock.GetUtcNow().UtcDateTime;
        Assert.True(by >= TimeSpan.Zero, "the shared clock only moves forward");
        Clock.Advance(by);
    }

    /// <summary>What the reminder service does at the due time (the tests drive it by hand).</summary>
    private static Task Tick(IAccountGrain account) => account.AsReference<IRemindable>().ReceiveReminder(Reminder, default);

    private static async Task<List<(string Operation, string Status)>> History(IAccountGrain account, DateOnly? since = null) =>
        (await account.GetPromotionHistory(since is { } day ? Text(day) : null)).Value!.Select(o => (o.Operation, o.Status)).ToList();

    private static async Task<PromotionView> Single(IAccountGrain account, string type) =>
        Assert.Single((await account.GetPromotions(type)).Value!);

    private static List<Guid> Ids(Outcome<List<PromotionView>> outcome) => outcome.Value!.Select(p => p.Id).ToList();

    private async Task<ICustomerAccountsGrain> Customer()
    {
        var id = Guid.NewGuid();
        Assert.True((await fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(_org, id)).Create(Requests.Private())).IsOk);
        return fixture.Grains.GetGrain<ICustomerAccountsGrain>(GrainKeys.Customer(_org, id));
    }

    private async Task<IAccountGrain> OpenAccount(PaymentMethod? paymentMethod = null) =>
        (await OpenAccount(await Customer(), paymentMethod)).Account;

    private async Task<(IAccountGrain Account, Guid Id)> OpenAccount(ICustomerAccountsGrain customer, PaymentMethod? paymentMethod = null)
    {
        var created = await customer.OpenAccount(AccountRequests.Account(paymentMethod), null);
        Assert.True(created.IsOk, string.Join("; ", created.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return (fixture.Grains.GetGrain<IAccountGrain>(GrainKeys.Account(_org, created.Value!.Id)), created.Value.Id);
    }
}
