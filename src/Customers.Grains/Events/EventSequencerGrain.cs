using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Customers.Grains.Events;

public sealed class EventSequencerGrain(IEventStore store, ILogger<EventSequencerGrain> logger) : Grain, IEventSequencerGrain
{
    private const int BatchSize = 500;

    private bool _requested;
    private Task? _running;

    public Task Nudge()
    {
        Run().Ignore();
        return Task.CompletedTask;
    }

    public Task SequenceNow() => Run();

    /// <summary>
    /// Requests coalesce: whoever asks while a pass runs is served by the next pass, which starts
    /// after the ask, so it sees every event committed before it.
    /// </summary>
    private Task Run()
    {
        _requested = true;
        if (_running is null || _running.IsCompleted)
        {
            _running = Loop();
        }

        return _running;
    }

    private async Task Loop()
    {
        await Task.Yield();
        while (_requested)
        {
            _requested = false;
            await Pass();
        }
    }

    private async Task Pass()
    {
        var org = this.GetPrimaryKeyString();
        IReadOnlyList<CustomerEvent> batch;
        do
        {
            batch = await store.Sequence(org, BatchSize);
            await Publish(org, batch);
        }
        while (batch.Count == BatchSize);
    }

    /// <summary>Best effort: the feed is the durable record, the stream only a fast path.</summary>
    private async Task Publish(string org, IReadOnlyList<CustomerEvent> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            var stream = this.GetStreamProvider(CustomerEventStream.StreamProvider)
                .GetStream<CustomerEvent>(StreamId.Create(CustomerEventStream.Namespace, org));
            // One message to the stream's queue for the whole batch; subscribers still get one event at a time, in order.
            await stream.OnNextBatchAsync(batch);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not publish events of org {Org} on the in-cluster stream", org);
        }
    }
}
