using System.Net;
using Customers.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Customers.Tests.Http.Accounts.AccountBodies;
using static Customers.Tests.Http.Accounts.PromotionBodies;

namespace Customers.Tests.Http.Events;

/// <summary>Changes the clock makes, with no request arriving, record their events with actor <c>system</c>.</summary>
public class ReminderEventTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_tokenization_reaching_its_deadline_records_tokenization_expired_by_the_system()
    {
        await using var host = new ServiceHost(settings: [new("Tokenization:Timeout", "00:00:03")]);
        var client = host.ClientWithKey();
        var account = (string)(await client.CreateAccount(await client.CreateCustomer(), Account(CardReference()), HttpStatusCode.Accepted))["id"]!;
        var events = new EventsApi(client);

        // Reading the audit trail does not touch the account: only its reminder can make the change.
        var recorded = await Eventually.Until(() => events.OfAccount(account), e => e.Count >= 2, Patience);

        Assert.Equal(["account.created", "account.tokenization.expired"], EventsApi.Types(recorded));
        Assert.Equal("system", (string)recorded[1]["actor"]!);
    }

    [Fact]
    public async Task Promotions_starting_and_ending_at_midnight_record_activated_and_expired_by_the_system()
    {
        var clock = new ShiftedClock();
        await using var host = new ServiceHost(services: s => s.UseShiftedClock(clock));
        var client = host.ClientWithKey();
        var (_, account, _) = await client.CreateCustomerWithAccount();
        var now = DateTimeOffset.UtcNow;
        var midnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        clock.MoveTo(midnight - TimeSpan.FromSeconds(5));
        var day = DateOnly.FromDateTime(midnight.UtcDateTime);
        await (await client.PostJson($"{Org}/accounts/{account}/promotions", Promotion(1, day, day))).AssertStatus(HttpStatusCode.OK);
        await (await client.PostJson($"{Org}/accounts/{account}/promotions", Promotion(2, day.AddDays(-1), day.AddDays(-1)))).AssertStatus(HttpStatusCode.OK);
        var events = new EventsApi(client);

        var recorded = await Eventually.Until(() => events.OfAccount(account), e => e.Count >= 5, Patience);

        Assert.Equal(["account.created", "promotion.created", "promotion.created"], EventsApi.Types(recorded.Take(3)));
        Assert.Equal(["promotion.activated", "promotion.expired"], EventsApi.Types(recorded.Skip(3)).Order());
        Assert.All(recorded.Skip(3), e => Assert.Equal("system", (string)e["actor"]!));
    }
}
