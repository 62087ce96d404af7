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
    IOptions<EventsOptions> options,
    ILogger<UnpositionedEventsSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SweepInterval;
        // Counted in the sweep's own ticks; a full look that failed is due again on the next tick.
        var ticksPerFullLook = Math.Max(1, (long)Math.Ceiling(options.Value.FullSweepInterval / interval));
        var fullLookDue = true;
        using var timer = new PeriodicTimer(interval);
        for (var tick = 1L; await timer.WaitForNextTickAsync(stoppingToken); tick++)
        {
            try
            {
                var orgs = await store.OrgsWithUnpositioned(stoppingToken);
                if (fullLookDue)
                {
                    orgs = [.. orgs.Union(await store.OrgsNeverSequenced(stoppingToken), StringComparer.Ordinal)];
                    fullLookDue = false;
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

            fullLookDue |= tick % ticksPerFullLook == 0;
        }
    }
}
