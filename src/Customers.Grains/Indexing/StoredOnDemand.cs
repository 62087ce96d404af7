using Orleans.Storage;

namespace Customers.Grains.Indexing;

/// <summary>
/// A grain's stored state, read when first needed instead of on activation. For a grain whose first
/// call usually creates its row (an index entry claimed for a new value), <see cref="TryCreate"/>
/// stores the row without reading first, which spares a read of a row that does not exist yet.
/// Storage failures surface as they do from Orleans' own persistent state: wrapped in an
/// <see cref="OrleansException"/> unless they are one.
/// </summary>
internal sealed class StoredOnDemand<T>(IGrainStorage storage, string stateName, GrainId grainId)
    where T : class, new()
{
    private readonly GrainState<T> _stored = new(new T());

    public bool IsLoaded { get; private set; }

    /// <summary>The stored version; null when no row exists. Meaningful once loaded.</summary>
    public string? Etag => _stored.ETag;

    /// <summary>The state as stored, read on the first call.</summary>
    public async ValueTask<T> Load()
    {
        if (!IsLoaded)
        {
            await Storage(() => storage.ReadStateAsync(stateName, grainId, _stored), "read");
            _stored.State ??= new T();
            IsLoaded = true;
        }

        return _stored.State!;
    }

    /// <summary>
    /// Stores <paramref name="state"/> as a new row. False when a row exists: nothing changed and
    /// the row is still to be read. A failure for any other reason leaves the state unread, since
    /// the write may have committed.
    /// </summary>
    public async Task<bool> TryCreate(T state)
    {
        var attempt = new GrainState<T>(state);
        try
        {
            await Storage(() => storage.WriteStateAsync(stateName, grainId, attempt), "write");
        }
        catch (InconsistentStateException)
        {
            return false;
        }

        (_stored.State, _stored.ETag, _stored.RecordExists) = (attempt.State, attempt.ETag, true);
        IsLoaded = true;
        return true;
    }

    /// <summary>Stores the loaded state over the version read.</summary>
    public Task Write() => Storage(() => storage.WriteStateAsync(stateName, grainId, _stored), "write");

    /// <summary>Removes the row; the state reads as new afterwards.</summary>
    public async Task Clear()
    {
        await Storage(() => storage.ClearStateAsync(stateName, grainId, _stored), "clear");
        _stored.State = new T();
    }

    private async Task Storage(Func<Task> operation, string name)
    {
        try
        {
            await operation();
        }
        catch (Exception e) when (e is not OrleansException)
        {
            throw new OrleansException($"Storage failed to {name} the {stateName} state of {grainId}", e);
        }
    }
}
