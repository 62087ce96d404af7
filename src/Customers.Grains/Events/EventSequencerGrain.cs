using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Customers.Grains.Events;

public sealed class EventSequencerGrain(IEventStore store, ILogger<EventSequencerGrain> logger) : Grain, IEventSequencerGrain
{
    private const int BatchSize = 500;

    /// <summary>The pass that will start next, with whoever waits for it; null when nobody asked since the last one started.</summary>
    private TaskCompletionSource? _nextPass;
    private Task? _running;

    public Task Nudge()
    {
        Request().Ignore();
        return Task.CompletedTask;
    }

    public Task SequenceNow() => Request();

    /// <summary>
    /// Requests coalesce into the next pass, which starts after them, so it sees every event
    /// committed before they were made. A caller waits for that pass only: under a steady stream of
    /// writes the passes never stop, and a feed read must not wait for a lull.
    /// </summary>
    private Task Request()
    {
        _nextPass ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var served = _nextPass.Task;
        if (_running is null || _running.IsCompleted)
        {
            _running = Loop();
        }

        return served;
    }

    private async Task Loop()
    {
        await Task.Yield();
        while (_nextPass is { } pass)
        {
            _nextPass = null;
            try
            {
                await Pass();
                pass.SetResult();
            }
            catch (Exception e)
            {
                pass.SetException(e);
            }
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
