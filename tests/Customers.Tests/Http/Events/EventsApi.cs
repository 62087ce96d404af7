using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Events;

/// <summary>The event reads as a client uses them.</summary>
public sealed class EventsApi(HttpClient client, string org = TestKeys.Org)
{
    public string Base => $"/v4/orgs/{org}";

    public async Task<JsonNode> Feed(long? after = null, int? limit = null, string? types = null)
    {
        var query = new List<string>();
        if (after is { } a)
        {
            query.Add($"after={a}");
        }

        if (limit is { } l)
        {
            query.Add($"limit={l}");
        }

        if (types is not null)
        {
            query.Add($"types={Uri.EscapeDataString(types)}");
        }

        var url = $"{Base}/events" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        return await (await client.GetAsync(url)).AssertStatus(HttpStatusCode.OK);
    }

    /// <summary>The feed's last position now (0 when empty).</summary>
    public async Task<long> LastPosition()
    {
        long last = 0;
        while (true)
        {
            var page = await Feed(last, 200);
            if (page["next_after"] is null)
            {
                return last;
            }

            last = (long)page["next_after"]!;
        }
    }

    /// <summary>Every event after <paramref name="after"/>, paging through the feed.</summary>
    public async Task<List<JsonNode>> AllAfter(long after, string? types = null)
    {
        var all = new List<JsonNode>();
        while (true)
        {
            var page = await Feed(after, 200, types);
            var events = page["events"]!.AsArray().Select(e => e!).ToList();
            if (events.Count == 0)
            {
                return all;
            }

            all.AddRange(events);
            after = (long)page["next_after"]!;
        }
    }

    public async Task<List<JsonNode>> OfCustomer(string customerId, long? after = null) =>
        (await (await client.GetAsync($"{Base}/customers/{customerId}/events" + (after is null ? "" : $"?after={after}"))).AssertStatus(HttpStatusCode.OK))["events"]!
            .AsArray().Select(e => e!).ToList();

    public async Task<List<JsonNode>> OfAccount(string accountId) =>
        (await (await client.GetAsync($"{Base}/accounts/{accountId}/events")).AssertStatus(HttpStatusCode.OK))["events"]!
            .AsArray().Select(e => e!).ToList();

    public static List<string> Types(IEnumerable<JsonNode> events) => events.Select(e => (string)e["type"]!).ToList();
}
