using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Http.Events;
using Customers.Tests.Infrastructure;
using Npgsql;

namespace Customers.Tests.Cluster;

/// <summary>The event log and webhook deliveries across a SIGKILL of a real silo process.</summary>
[Collection(ProcessCollection.Name)]
public class EventCrashTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task A_kill_during_a_write_load_loses_no_event_and_duplicates_none()
    {
        var clusterId = $"events-kill-{Guid.NewGuid():N}";
        var org = $"kill-{Guid.NewGuid():N}"[..16];
        var acknowledged = new ConcurrentBag<string>();
        // Started first: a silo joining later would wait for the killed one to be declared dead.
        await using var survivor = await SiloProcess.Start(clusterId, TestDatabase.ConnectionString);
        await using (var doomed = await SiloProcess.Start(clusterId, TestDatabase.ConnectionString))
        {
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        var response = await doomed.Client.PostJson($"/v4/orgs/{org}/customers", Bodies.Digital());
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add((string)(await response.Body())["id"]!);
                        }
                    }
                    catch (Exception) when (doomed.HasExited || stop.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            })).ToList();

            await Eventually.Until(() => Task.FromResult(acknowledged.Count), n => n >= 60, TimeSpan.FromSeconds(60));
            doomed.Kill();
            stop.Cancel();
            await Task.WhenAll(writers);
        }

        // A creation the killed front door asked for may still be finishing on the survivor (its
        // customer grain lives there), so the log is compared with the stored customers once no
        // write lands between two reads of them; the feed, read in between, must then match them.
        // Until the killed silo is declared dead, a read needing a grain it held is refused: 503.
        var feed = new EventsApi(survivor.Client, org);
        var refusals = new List<HttpStatusCode>();
        var settled = await Eventually.Until(async () =>
        {
            var before = await StoredCustomers(clusterId, org);
            var probe = await survivor.Client.GetAsync($"/v4/orgs/{org}/events?limit=1");
            if (probe.StatusCode != HttpStatusCode.OK)
            {
                refusals.Add(probe.StatusCode);
                return (Before: before, Events: (List<JsonNode>?)null, After: (List<string>?)null);
            }

            return (Before: before, Events: await feed.AllAfter(0), After: await StoredCustomers(clusterId, org));
        }, s => s.Events is not null && s.Before.Order().SequenceEqual(s.After!.Order()), Patience);

        Assert.All(refusals, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        Assert.NotNull(settled.Events);
        Assert.Equal(settled.Before.Order(), settled.After!.Order());
        var events = settled.Events;
        var ids = events.Select(e => (string)e["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, events.Count).Select(p => (long)p), events.Select(e => (long)e["position"]!));
        var created = events.Where(e => (string)e["type"]! == "customer.created").Select(e => (string)e["customer_id"]!).ToList();
        Assert.Equal(events.Count, created.Count);
        Assert.Equal(created.Count, created.Distinct().Count());
        Assert.Empty(acknowledged.Except(created));
        // No event without its change, no change without its event: exactly the customers stored have one.
        Assert.Equal(settled.Before.Order(), created.Order());
    }

    [Fact]
    public async Task Deliveries_continue_from_the_other_silo_after_the_delivering_one_is_killed()
    {
        var clusterId = $"events-failover-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string>
        {
            ["Events__AllowPrivateCallbacks"] = "true",
            ["Events__DeliveryPollInterval"] = "00:00:00.200",
        };
        await using var receiver = new WebhookReceiver();
        await using var delivering = await SiloProcess.Start(clusterId, TestDatabase.ConnectionString, settings);
        await using var other = await SiloProcess.Start(clusterId, TestDatabase.ConnectionString, settings);

        // Subscribed through the first silo: its subscription grain lives there.
        var subscription = await (await delivering.Client.PostJson("/v4/orgs/telco/hub", new JsonObject { ["callback"] = receiver.Callback })).AssertStatus(HttpStatusCode.Created);
        var before = await (await delivering.Client.PostJson("/v4/orgs/telco/customers", Bodies.Digital())).AssertStatus(HttpStatusCode.Created);
        await Eventually.Until(() => Task.FromResult(receiver.Accepted.Count), n => n >= 1, TimeSpan.FromSeconds(30));
        Assert.Equal((string)before["id"]!, (string)receiver.Accepted[0].Event["customer_id"]!);

        delivering.Kill();
        var after = await Eventually.Until(async () =>
        {
            try
            {
                var response = await other.Client.PostJson("/v4/orgs/telco/customers", Bodies.Digital());
                return response.StatusCode == HttpStatusCode.Created ? (string?)(await response.Body())["id"] : null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return null;
            }
        }, id => id is not null, Patience);

        var accepted = await Eventually.Until(
            () => Task.FromResult(receiver.Accepted),
            a => a.Exists(d => (string?)d.Event["customer_id"] == after),
            Patience);

        Assert.Contains(accepted, d => (string?)d.Event["customer_id"] == after);
        var positions = accepted.Select(d => d.Position).Distinct().ToList();
        Assert.Equal(positions.Order(), positions);
        var progress = await (await other.Client.GetAsync($"/v4/orgs/telco/hub/{subscription["id"]}")).AssertStatus(HttpStatusCode.OK);
        Assert.True((long)progress["delivered_through"]! >= accepted.Max(d => d.Position));
    }

    private static async Task<List<string>> StoredCustomers(string serviceId, string org)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT grainidextensionstring FROM orleansstorage
            WHERE serviceid = @service AND graintypestring = 'customer' AND payloadbinary IS NOT NULL
              AND grainidextensionstring LIKE @org
            """, connection);
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("org", org + "/%");
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0)[(org.Length + 1)..]);
        }

        return ids;
    }
}
