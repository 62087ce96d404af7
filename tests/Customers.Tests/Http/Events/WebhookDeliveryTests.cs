using System.Net;
using System.Text.Json.Nodes;
using Customers.Grains.Events;
using Customers.Tests.Http.Accounts;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Events;

/// <summary>Deliveries to a real receiver on loopback, each test with its own service allowing private callbacks.</summary>
public class WebhookDeliveryTests
{
    /// <summary>How much earlier than scheduled an attempt may be seen: the receiver's clock and the silo's timer.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(100);

    private static ServiceHost Host(string horizon = "1.00:00:00") => new(settings:
    [
        new("Events:AllowPrivateCallbacks", "true"),
        new("Events:DeliveryHorizon", horizon),
        new("Events:DeliveryPollInterval", "00:00:00.200"),
    ]);

    [Fact]
    public async Task A_receiver_failing_three_times_then_accepting_gets_each_event_in_order_with_growing_gaps()
    {
        await using var host = Host();
        await using var receiver = new WebhookReceiver();
        var failures = 3;
        receiver.Answer = _ => Interlocked.Decrement(ref failures) >= 0 ? HttpStatusCode.InternalServerError : HttpStatusCode.NoContent;
        var client = host.ClientWithKey();
        var subscription = await Subscribe(client, receiver.Callback);
        var secret = (string)subscription["secret"]!;

        var customer = await client.CreateCustomer();
        await (await client.PatchJson($"/v4/orgs/telco/customers/{customer}", JsonNode.Parse("""{"preferred_language": "gl"}""")!)).AssertStatus(HttpStatusCode.NoContent);
        var expected = (await new EventsApi(client).OfCustomer(customer)).Select(e => (long)e["position"]!).ToList();

        await Eventually.Until(() => Task.FromResult(receiver.Accepted.Count), n => n >= 2, TimeSpan.FromSeconds(60));

        var first = receiver.Received.Take(4).ToList();
        Assert.Equal([1, 2, 3, 4], first.Select(d => d.Attempt));
        Assert.Single(first.Select(d => d.EventId).Distinct());
        // A busy machine can only make a wait longer: each retry waits at least its doubled delay
        // (1 s, 2 s, 4 s), and the last wait is longer than the first.
        var gaps = first.Zip(first.Skip(1), (a, b) => b.At - a.At).ToList();
        var scheduled = Enumerable.Range(1, 3).Select(WebhookSubscriptionGrain.Backoff).ToList();
        Assert.True(
            gaps.Zip(scheduled).All(g => g.First >= g.Second - Tolerance) && gaps[0] < gaps[2],
            $"gaps between attempts: {string.Join(", ", gaps)}");
        Assert.Equal(expected, receiver.Accepted.Select(d => d.Position));
        Assert.All(receiver.Received, d => Assert.True(d.SignedWith(secret)));
        Assert.Equal(["customer.created", "customer.updated"], receiver.Accepted.Select(d => d.EventType));
        Assert.All(receiver.Received, d => Assert.Equal((d.EventId, d.EventType), ((string)d.Event["id"]!, (string)d.Event["type"]!)));
        var progress = await (await client.GetAsync($"/v4/orgs/telco/hub/{subscription["id"]}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal((expected[^1], 0L), ((long)progress["delivered_through"]!, (long)progress["failed_events"]!));
    }

    [Fact]
    public async Task A_receiver_down_past_the_horizon_counts_the_event_as_failed_and_delivery_moves_on()
    {
        await using var host = Host(horizon: "00:00:04");
        await using var receiver = new WebhookReceiver();
        var down = true;
        receiver.Answer = _ => Volatile.Read(ref down) ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK;
        var client = host.ClientWithKey();
        var subscription = await Subscribe(client, receiver.Callback);
        var progressUrl = $"/v4/orgs/telco/hub/{subscription["id"]}";

        var lost = await client.CreateCustomer();
        var failed = await Eventually.Until(
            async () => await (await client.GetAsync(progressUrl)).AssertStatus(HttpStatusCode.OK),
            p => (long)p["failed_events"]! == 1,
            TimeSpan.FromSeconds(60));
        Volatile.Write(ref down, false);
        var delivered = await client.CreateCustomer();
        await Eventually.Until(() => Task.FromResult(receiver.Accepted.Count), n => n >= 1, TimeSpan.FromSeconds(30));

        Assert.Equal(1L, (long)failed["failed_events"]!);
        Assert.Equal("HTTP 503", (string?)failed["last_error"]);
        var attempts = receiver.Received.Where(d => d.Event["customer_id"]!.GetValue<string>() == lost).Select(d => d.At).ToList();
        Assert.True(attempts.Count >= 2);
        // Attempts at 0, 1 and 3 s; the next wait would end at 7 s, so it ends at the horizon and gives up.
        Assert.True(attempts.Max() - attempts.Min() < TimeSpan.FromSeconds(5), $"an attempt {attempts.Max() - attempts.Min()} after the first");
        var accepted = Assert.Single(receiver.Accepted);
        Assert.Equal(delivered, (string)accepted.Event["customer_id"]!);
        var progress = await (await client.GetAsync(progressUrl)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(accepted.Position, (long)progress["delivered_through"]!);
    }

    [Fact]
    public async Task Events_waiting_behind_a_receiver_down_past_their_horizon_are_skipped_together_not_one_horizon_each()
    {
        await using var host = Host(horizon: "00:00:04");
        await using var receiver = new WebhookReceiver();
        receiver.Answer = _ => HttpStatusCode.ServiceUnavailable;
        var client = host.ClientWithKey();
        var subscription = await Subscribe(client, receiver.Callback);
        var progressUrl = $"/v4/orgs/telco/hub/{subscription["id"]}";

        for (var i = 0; i < 4; i++)
        {
            await client.CreateCustomer();
        }

        await Eventually.Until(
            async () => await (await client.GetAsync(progressUrl)).AssertStatus(HttpStatusCode.OK),
            p => (long)p["failed_events"]! == 4,
            TimeSpan.FromSeconds(60));

        // Each event's horizon ends 4 s after it happened: all four are given up within about that,
        // where a horizon counted from each event's first attempt would take four of them, 16 s.
        var attempts = receiver.Received.Select(d => d.At).ToList();
        Assert.True(attempts.Max() - attempts.Min() < TimeSpan.FromSeconds(9), $"the last attempt came {attempts.Max() - attempts.Min()} after the first");
    }

    [Fact]
    public async Task A_filtered_subscriptions_progress_moves_past_the_events_it_does_not_want()
    {
        await using var host = Host();
        await using var receiver = new WebhookReceiver();
        var client = host.ClientWithKey();
        var subscription = await Subscribe(client, receiver.Callback, "promotion.");
        var progressUrl = $"/v4/orgs/telco/hub/{subscription["id"]}";
        var startedAt = (long)(await (await client.GetAsync(progressUrl)).AssertStatus(HttpStatusCode.OK))["delivered_through"]!;

        var customer = await client.CreateCustomer();
        var end = (long)(await (await client.GetAsync($"/v4/orgs/telco/customers/{customer}/events")).AssertStatus(HttpStatusCode.OK))["next_after"]!;

        var progress = await Eventually.Until(
            async () => await (await client.GetAsync(progressUrl)).AssertStatus(HttpStatusCode.OK),
            p => (long)p["delivered_through"]! >= end,
            TimeSpan.FromSeconds(30));
        Assert.True((long)progress["delivered_through"]! > startedAt);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task A_subscription_gets_only_the_types_it_asked_for_and_nothing_from_before_it()
    {
        await using var host = Host();
        await using var receiver = new WebhookReceiver();
        var client = host.ClientWithKey();
        var (before, _, _) = await client.CreateCustomerWithAccount();
        await Subscribe(client, receiver.Callback, "account.");

        var (customer, account, _) = await client.CreateCustomerWithAccount();
        await Eventually.Until(() => Task.FromResult(receiver.Accepted.Count), n => n >= 1);

        var delivered = Assert.Single(receiver.Accepted);
        Assert.Equal(("account.created", account, customer), (delivered.EventType, (string)delivered.Event["account_id"]!, (string)delivered.Event["customer_id"]!));
        Assert.DoesNotContain(receiver.Received, d => (string?)d.Event["customer_id"] == before);
    }

    [Fact]
    public async Task Recorded_events_delivery_attempts_failures_and_the_oldest_undelivered_age_are_on_metrics()
    {
        await using var host = Host();
        await using var receiver = new WebhookReceiver { Answer = _ => HttpStatusCode.BadGateway };
        var client = host.ClientWithKey();
        var subscription = (string)(await Subscribe(client, receiver.Callback))["id"]!;
        await client.CreateCustomer();
        await Eventually.Until(() => Task.FromResult(receiver.Received.Count), n => n >= 2);

        var text = await Eventually.Until(
            async () => await (await host.ClientWithKey().GetAsync("/metrics")).Content.ReadAsStringAsync(),
            t => t.Contains("customers_webhooks_oldest_undelivered_age", StringComparison.Ordinal));

        Assert.Matches(@"(?m)^customers_events_recorded_total(\{[^}]*\})? [1-9]", text);
        Assert.Matches(@"(?m)^customers_webhooks_deliveries_attempted_total(\{[^}]*\})? [1-9]", text);
        Assert.Matches(@"(?m)^customers_webhooks_deliveries_failed_total(\{[^}]*\})? [1-9]", text);
        Assert.Matches($@"(?m)^customers_webhooks_oldest_undelivered_age_seconds\{{[^}}]*subscription=""{subscription}""[^}}]*\}} ", text);
    }

    private static async Task<JsonNode> Subscribe(HttpClient client, string callback, params string[] types)
    {
        var body = new JsonObject { ["callback"] = callback };
        if (types.Length > 0)
        {
            body["types"] = new JsonArray(types.Select(t => (JsonNode)t!).ToArray());
        }

        return await (await client.PostJson("/v4/orgs/telco/hub", body)).AssertStatus(HttpStatusCode.Created);
    }
}
