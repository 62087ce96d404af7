using System.Collections.Concurrent;
using System.Net;
using Customers.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;

namespace Customers.Tests.Http.Events;

/// <summary>What a co-hosted service subscribed to an org's stream receives.</summary>
[Collection(ApiCollection.Name)]
public class InClusterStreamTests(ApiHostFixture api)
{
    [Fact]
    public async Task A_subscriber_receives_every_event_of_concurrent_writes_once_and_in_the_feed_s_order()
    {
        var org = $"stream-{Guid.NewGuid():N}"[..24];
        var client = api.Client();
        var received = new ConcurrentQueue<CustomerEvent>();
        var subscription = await api.Host.Services.GetRequiredService<IClusterClient>()
            .GetStreamProvider(CustomerEventStream.StreamProvider)
            .GetStream<CustomerEvent>(StreamId.Create(CustomerEventStream.Namespace, org))
            .SubscribeAsync((e, _) =>
            {
                received.Enqueue(e);
                return Task.CompletedTask;
            });

        await Task.WhenAll(Enumerable.Range(0, 24).Select(async _ =>
            await (await client.PostJson($"/v4/orgs/{org}/customers", Bodies.Private())).AssertStatus(HttpStatusCode.Created)));

        var feed = await new EventsApi(client, org).AllAfter(0);
        var streamed = await Eventually.Until(() => Task.FromResult(received.ToList()), r => r.Count >= feed.Count, TimeSpan.FromSeconds(30));
        await subscription.UnsubscribeAsync();
        Assert.Equal(24, feed.Count);
        Assert.Equal(feed.Select(e => (Guid.Parse((string)e["id"]!), (long)e["position"]!)), streamed.Select(e => (e.Id, e.Position)));
    }
}
