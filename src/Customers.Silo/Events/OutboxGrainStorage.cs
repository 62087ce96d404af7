using Customers.Grains.Events;
using Orleans.Storage;

namespace Customers.Silo.Events;

/// <summary>
/// Wraps the grain storage: once a state carrying events is stored (its events copied into the
/// log by the same commit), empties its outbox and tells the org's sequencer. A failed write
/// leaves the outbox to the grain, which puts back the state it had before the change.
/// </summary>
public sealed class OutboxGrainStorage(IGrainStorage inner, IServiceProvider services) : IGrainStorage
{
    private IGrainFactory? _grains;

    /// <summary>
    /// The stored payload still carries the outbox of its last write (those events are in the log);
    /// the grain-state serializer never reads it back.
    /// </summary>
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await inner.WriteStateAsync(stateName, grainId, grainState);
        if (grainState.State is IHasOutbox state && state.TakeRecorded() is { } recorded)
        {
            EventMetrics.Recorded.Add(recorded.Count);
            _grains ??= services.GetRequiredService<IGrainFactory>();
            foreach (var org in recorded.Select(e => e.OrgId).Distinct(StringComparer.Ordinal))
            {
                _grains.Ref<IEventSequencerGrain>(org).Nudge().Ignore();
            }
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
