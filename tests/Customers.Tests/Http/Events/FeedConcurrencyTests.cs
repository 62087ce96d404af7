using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Events;

/// <summary>Writers committing in any order, a reader paging meanwhile: what the reader saw is the final feed, nothing skipped.</summary>
[Collection(ApiCollection.Name)]
public class FeedConcurrencyTests(ApiHostFixture api)
{
    [Fact]
    public async Task A_reader_paging_by_after_during_concurrent_writes_misses_no_event()
    {
        var org = $"race-{Guid.NewGuid():N}"[..16];
        var client = api.Client();
        var feed = new EventsApi(client, org);
        var writing = true;
        var seen = new List<(long Position, string Id)>();
        var reader = Task.Run(async () =>
        {
            long after = 0;
            while (true)
            {
                var last = !Volatile.Read(ref writing);
                var page = await feed.Feed(after, 7);
                foreach (var e in page["events"]!.AsArray())
                {
                    seen.Add(((long)e!["position"]!, (string)e["id"]!));
                }

                after = (long?)page["next_after"] ?? after;
                if (last && page["next_after"] is null)
                {
                    return;
                }
            }
        });

        var writers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var own = api.Client();
            for (var i = 0; i < 12; i++)
            {
                var created = await (await own.PostJson($"/v4/orgs/{org}/customers", Bodies.Digital())).AssertStatus(HttpStatusCode.Created);
                await (await own.PatchJson($"/v4/orgs/{org}/customers/{created["id"]}", JsonNode.Parse("""{"preferred_language": "gl"}""")!)).AssertStatus(HttpStatusCode.NoContent);
            }
        })).ToList();
        await Task.WhenAll(writers.Select(w => w.ContinueWith(_ => { })));
        Volatile.Write(ref writing, false);
        await reader;

        var final = (await feed.AllAfter(0)).Select(e => ((long)e["position"]!, (string)e["id"]!)).ToList();
        Assert.Equal(8 * 12 * 2, final.Count);
        Assert.Equal(Enumerable.Range(1, final.Count).Select(p => (long)p), final.Select(e => e.Item1));
        Assert.Equal(final, seen);
        await Task.WhenAll(writers);
    }
}
