using Customers.Grains.Events;
using Microsoft.Extensions.Options;

namespace Customers.Silo.Events;

/// <summary>
/// Finds orgs whose events still wait for a position — stored just before a silo died, before its
/// sequencer was told — and has their sequencers position them. Each tick looks above every org's
/// floor; at start and then every <see cref="EventsOptions.FullSweepInterval"/> it also looks for
/// orgs no pass has seen, a look whose cost grows with the events positioned since the last vacuum.
/// </summary>
public sealed class UnpositionedEventsSweeper(
    IEventStore store,
    IGrainFactory grains,
    TimeProvider time,
    IOptions<EventsOptions> options,
    ILogger<UnpositionedEventsSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        DateTimeOffset? lastFull = null;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var now = time.GetUtcNow();
                var full = lastFull is null || now - lastFull >= options.Value.FullSweepInterval;
                var orgs = await store.OrgsWithUnpositioned(stoppingToken);
                if (full)
                {
                    orgs = [.. orgs.Union(await store.OrgsNeverSequenced(stoppingToken), StringComparer.Ordinal)];
                    lastFull = now;
                }

                foreach (var org in orgs)
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
