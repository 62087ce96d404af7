using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Customers.Tests.Http.Accounts.AccountBodies;
using static Customers.Tests.Http.Accounts.PromotionBodies;

namespace Customers.Tests.Http.Accounts;

/// <summary>
/// Promotion transitions are written by the account's reminder in PostgreSQL: at midnight UTC, with no
/// request arriving, also when the silo restarted between the promotion's creation and its start.
/// </summary>
public class PromotionReminderTests
{
    /// <summary>How long before midnight the promotions are created: enough to stop the silo and start another.</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(45);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Promotions_start_and_expire_at_midnight_by_the_reminder_also_after_a_restart()
    {
        var serviceId = $"promotions-{Guid.NewGuid():N}";
        var clock = new ShiftedClock();
        void UseClock(IServiceCollection services) => services.UseShiftedClock(clock);

        string customer, account;
        DateOnly day;
        await using (var first = new ServiceHost(serviceId, services: UseClock))
        {
            var client = first.ClientWithKey();
            (customer, account, _) = await client.CreateCustomerWithAccount();

            var midnight = NearestMidnight();
            clock.MoveTo(midnight - Lead);
            day = DateOnly.FromDateTime(midnight.UtcDateTime);
            await Add(client, account, Promotion(1, day, day.AddDays(1)));
            await Add(client, account, Promotion(2, day.AddDays(-1), day.AddDays(-1)));
            await Add(client, account, Promotion(3, day.AddDays(5)));

            var armed = Assert.Single(await Reminders(serviceId));
            Assert.Equal("account-schedule", armed.Name);
            AssertArmedFor(clock, armed.StartsAt, midnight);
        }

        var beforeRestart = await Stored(serviceId, account);
        Assert.True(clock.GetUtcNow() < Midnight(day), "the silo took longer than the lead to stop; the restart was not before the transition");
        Assert.Equal(["PENDING", "ACTIVE", "PENDING"], Statuses(beforeRestart));
        Assert.DoesNotContain("UPDATE", Operations(beforeRestart));

        await using var second = new ServiceHost(serviceId, services: UseClock);
        _ = second.Server;

        // Only the database is watched: no request reaches the account until its reminder has written the changes.
        var afterMidnight = await Eventually.Until(() => Stored(serviceId, account), s => Operations(s).Count(o => o == "UPDATE") == 2, Patience);
        Assert.Equal(["ACTIVE", "EXPIRED", "PENDING"], Statuses(afterMidnight));

        var restarted = second.ClientWithKey();
        var history = await (await restarted.GetAsync($"{Org}/accounts/{account}/promotions_hist?start_date={Day(day)}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(
            [(1, "ACTIVE", "UPDATE"), (2, "EXPIRED", "UPDATE")],
            history.AsArray().Select(o => ((int)o!["promotion_id"]!, (string?)o["status"], (string?)o["operation"])));

        // Re-armed for the next change: promotion 1 expires at the start of the day after its end.
        var rearmed = Assert.Single(await Reminders(serviceId));
        AssertArmedFor(clock, rearmed.StartsAt, Midnight(day.AddDays(2)));

        await (await restarted.DeleteAsync($"{Org}/customers/{customer}/accounts/{account}")).AssertStatus(HttpStatusCode.NoContent);
        Assert.Empty(await Reminders(serviceId));
        var ended = await Stored(serviceId, account);
        Assert.Equal(["CANCELLED", "EXPIRED", "CANCELLED"], Statuses(ended));
        Assert.Equal(["INSERT", "INSERT", "INSERT", "UPDATE", "UPDATE", "DELETE", "DELETE"], Operations(ended));
    }

    /// <summary>Reminders are scheduled on the real clock, for the moment the shifted clock the grains read shows <paramref name="due"/>.</summary>
    private static void AssertArmedFor(ShiftedClock clock, DateTimeOffset startsAt, DateTimeOffset due)
    {
        var expected = clock.RealTimeOf(due);
        Assert.InRange(startsAt, expected - TimeSpan.FromSeconds(5), expected + TimeSpan.FromSeconds(5));
    }

    /// <summary>The midnight (UTC) closest to now, so the shifted clock moves as little as possible.</summary>
    private static DateTimeOffset NearestMidnight()
    {
        var now = DateTimeOffset.UtcNow;
        var previous = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return now - previous < TimeSpan.FromHours(12) ? previous : previous.AddDays(1);
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static async Task Add(HttpClient client, string account, JsonObject promotion) =>
        await (await client.PostJson($"{Org}/accounts/{account}/promotions", promotion)).AssertStatus(HttpStatusCode.OK);

    private static async Task<JsonNode> Stored(string serviceId, string account) =>
        JsonNode.Parse((await StoredAccounts.Read(serviceId, account))!)!;

    private static List<string?> Statuses(JsonNode account) => account["promotions"]!.AsArray().Select(p => (string?)p!["status"]).ToList();

    private static List<string?> Operations(JsonNode account) => account["promotion_operations"]!.AsArray().Select(o => (string?)o!["operation"]).ToList();

    private static async Task<List<(string Name, DateTimeOffset StartsAt)>> Reminders(string serviceId)
    {
        await using var data = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        await using var command = data.CreateCommand("SELECT remindername, starttime FROM orleansreminders WHERE serviceid = @service");
        command.Parameters.AddWithValue("service", serviceId);
        await using var reader = await command.ExecuteReaderAsync();
        var reminders = new List<(string, DateTimeOffset)>();
        while (await reader.ReadAsync())
        {
            reminders.Add((reader.GetString(0), new DateTimeOffset(reader.GetDateTime(1).ToUniversalTime(), TimeSpan.Zero)));
        }

        return reminders;
    }
}
