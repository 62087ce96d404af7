using Microsoft.Extensions.Options;

namespace Customers.Grains.Indexing;

// An index entry is needed when its value is claimed or looked up, rarely after: it leaves memory as
// soon as a claim settles or the value is freed, and two minutes after a lookup.
[CollectionAgeLimit(Minutes = 2)]
public sealed class UniqueIndexGrain(
    [PersistentState("index", StorageNames.Index)] IPersistentState<UniqueIndexState> state,
    TimeProvider time,
    IOptions<IndexingOptions> options,
    IndexOwnerHints hints) : Grain, IUniqueIndexGrain
{
    private string _org = "";
    private string _kind = "";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        GrainKeys.TryParseIndex(this.GetPrimaryKeyString(), out _org, out _kind, out _);
        return Task.CompletedTask;
    }

    public async Task<bool> Reserve(Guid owner, string value)
    {
        var current = state.State.Owner;
        if (current == owner)
        {
            return true;
        }

        if (current is { } holder && !await IsStale(holder, value))
        {
            return false;
        }

        var (previousOwner, previousAt) = (state.State.Owner, state.State.ReservedAt);
        state.State.Owner = owner;
        state.State.ReservedAt = time.GetUtcNow().UtcDateTime;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored: the value must not look held by an owner it was never written for.
            (state.State.Owner, state.State.ReservedAt) = (previousOwner, previousAt);
            throw;
        }

        // Customers are searched by these; the other kinds are remembered when first looked up, so
        // the hints hold what is asked for rather than every external id handed out.
        if (_kind is IndexKinds.Document or IndexKinds.LoginEmail)
        {
            hints.Remember(this.GetPrimaryKeyString(), owner);
        }

        return true;
    }

    public Task<bool> IsHeldBy(Guid owner)
    {
        var held = state.State.Owner == owner;
        if (held)
        {
            // The owner's claim is settled: nothing asks this entry again unless the value is looked
            // up or claimed anew. Leaving now, one by one as claims settle, spares the silo the
            // collector deactivating a minute's worth of entries at once (after a bulk of creations,
            // tens of thousands in one tick, which stalled every request for hundreds of ms).
            DeactivateOnIdle();
        }

        return Task.FromResult(held);
    }

    public async Task Release(Guid owner)
    {
        // An emptied row (an ETag but no owner) is what releases left before they deleted rows: it
        // still names the value in its key, so it goes too.
        if (state.State.Owner == owner || (state.State.Owner is null && state.Etag is not null))
        {
            hints.Forget(this.GetPrimaryKeyString());
            await state.ClearStateAsync();
            DeactivateOnIdle();
        }
    }

    public Task<Guid?> Owner() => Task.FromResult(state.State.Owner);

    private async Task<bool> IsStale(Guid holder, string value)
    {
        if (time.GetUtcNow().UtcDateTime - state.State.ReservedAt < options.Value.ReservationGrace)
        {
            return false;
        }

        return !await IndexOwners.Holds(GrainFactory, _org, _kind, value, holder);
    }
}
