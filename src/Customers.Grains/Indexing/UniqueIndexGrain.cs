using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Customers.Grains.Indexing;

// An index entry is needed when its value is claimed or looked up, rarely after: it leaves memory as
// soon as a claim settles or the value is freed, and two minutes after a lookup.
//
// Most entries are activated by the claim of a value nobody holds, whose row does not exist yet, so
// the entry is not read on activation: a first reservation inserts its row outright and reads only
// when one is there already.
[CollectionAgeLimit(Minutes = 2)]
public sealed class UniqueIndexGrain(
    TimeProvider time,
    IOptions<IndexingOptions> options,
    IndexOwnerHints hints) : Grain, IUniqueIndexGrain
{
    /// <summary>The state's name in storage: rows are keyed by it, so it never changes.</summary>
    private const string StateName = "index";

    private string _org = "";
    private string _kind = "";
    private StoredOnDemand<UniqueIndexState> _entry = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        GrainKeys.TryParseIndex(this.GetPrimaryKeyString(), out _org, out _kind, out _);
        _entry = new(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Index), StateName, this.GetGrainId());
        return Task.CompletedTask;
    }

    public async Task<bool> Reserve(Guid owner, string value)
    {
        if (!_entry.IsLoaded && await _entry.TryCreate(new UniqueIndexState { Owner = owner, ReservedAt = Now }))
        {
            Reserved(owner);
            return true;
        }

        var state = await _entry.Load();
        var current = state.Owner;
        if (current == owner)
        {
            return true;
        }

        if (current is { } holder && !await IsStale(holder, value))
        {
            return false;
        }

        var (previousOwner, previousAt) = (state.Owner, state.ReservedAt);
        state.Owner = owner;
        state.ReservedAt = Now;
        try
        {
            await _entry.Write();
        }
        catch
        {
            // Not stored: the value must not look held by an owner it was never written for.
            (state.Owner, state.ReservedAt) = (previousOwner, previousAt);
            throw;
        }

        Reserved(owner);
        return true;
    }

    public async Task<bool> IsHeldBy(Guid owner)
    {
        var held = (await _entry.Load()).Owner == owner;
        if (held)
        {
            // The owner's claim is settled: nothing asks this entry again unless the value is looked
            // up or claimed anew. Leaving now, one by one as claims settle, spares the silo the
            // collector deactivating a minute's worth of entries at once (after a bulk of creations,
            // tens of thousands in one tick, which stalled every request for hundreds of ms).
            DeactivateOnIdle();
        }

        return held;
    }

    public async Task Release(Guid owner)
    {
        // An emptied row (an ETag but no owner) is what releases left before they deleted rows: it
        // still names the value in its key, so it goes too.
        var state = await _entry.Load();
        if (state.Owner == owner || (state.Owner is null && _entry.Etag is not null))
        {
            hints.Forget(this.GetPrimaryKeyString());
            await _entry.Clear();
            DeactivateOnIdle();
        }
    }

    public async Task<Guid?> Owner() => (await _entry.Load()).Owner;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private void Reserved(Guid owner)
    {
        // Customers are searched by these; the other kinds are remembered when first looked up, so
        // the hints hold what is asked for rather than every external id handed out.
        if (_kind is IndexKinds.Document or IndexKinds.LoginEmail)
        {
            hints.Remember(this.GetPrimaryKeyString(), owner);
        }
    }

    private async Task<bool> IsStale(Guid holder, string value)
    {
        if (Now - (await _entry.Load()).ReservedAt < options.Value.ReservationGrace)
        {
            return false;
        }

        return !await IndexOwners.Holds(GrainFactory, _org, _kind, value, holder);
    }
}
