using Orleans.Concurrency;

namespace Customers.Grains.Events;

/// <summary>
/// Assigns an org's feed positions, keyed by the org id. One writer per feed, committing one batch
/// before it takes the next, so no position ever becomes visible behind one already read.
/// </summary>
public interface IEventSequencerGrain : IGrainWithStringKey
{
    /// <summary>New events were stored; position them soon.</summary>
    [OneWay, AlwaysInterleave]
    Task Nudge();

    /// <summary>Returns once every event stored before the call has a position.</summary>
    [AlwaysInterleave]
    Task SequenceNow();
}
