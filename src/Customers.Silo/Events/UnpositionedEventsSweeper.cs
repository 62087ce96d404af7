using Customers.Grains.Events;
using Microsoft.Extensions.Options;

namespace Customers.Silo.Events;

/// <summary>
/// Finds orgs whose events still wait for a position — stored just before a silo died, before its
/// sequencer was told — and has their sequencers position them.
/// </summary>
public sealed class UnpositionedEventsSweeper(
    IEventStore store,
    IGrainFactory grains,
    IOptions<EventsOptions> options,
    ILogger<UnpositionedEventsSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var org in await store.OrgsWithUnpositioned(stoppingToken))
                {
                    await grains.Ref<IEventSequencerGrain>(org).SequenceNow();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sweep of unpositioned events failed; retried on the next tick");
            }
        }
    }
}
