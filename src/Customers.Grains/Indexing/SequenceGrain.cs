namespace Customers.Grains.Indexing;

/// <summary>
/// Hands out values from a block held in memory and persists only the block's end, so most
/// calls cost no write. A restart skips the rest of the block: values are never reused.
/// </summary>
public sealed class SequenceGrain(
    [PersistentState("sequence", StorageNames.Default)] IPersistentState<SequenceState> state) : Grain, ISequenceGrain
{
    private const int BlockSize = 100;
    private long _last;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _last = state.State.HighWaterMark;
        return Task.CompletedTask;
    }

    public async Task<long> Next()
    {
        if (_last >= state.State.HighWaterMark)
        {
            var previous = state.State.HighWaterMark;
            state.State.HighWaterMark = _last + BlockSize;
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                // An unpersisted block must not be handed out: after a restart it would be again.
                state.State.HighWaterMark = previous;
                throw;
            }
        }

        return ++_last;
    }
}
