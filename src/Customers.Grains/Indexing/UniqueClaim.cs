namespace Customers.Grains.Indexing;

/// <summary>
/// The unique values one owner takes in one write, claimed the only way that cannot leave two owners
/// or an orphan: reserve each at its index grain, write the owner, confirm every reservation outlived
/// the write, and free the reservations on any failure. A reservation a crash leaves behind heals on
/// its own: after its grace the index asks the owner's stored state and frees what it does not hold.
/// </summary>
internal sealed class UniqueClaim
{
    private readonly IGrainFactory _grains;
    private readonly IndexKeys _keys;
    private readonly string _org;
    private readonly Guid _owner;
    private readonly UniqueValue[] _values;

    private UniqueClaim(IGrainFactory grains, IndexKeys keys, string org, Guid owner, UniqueValue[] values, UniqueValue? refused)
    {
        _grains = grains;
        _keys = keys;
        _org = org;
        _owner = owner;
        _values = values;
        Refused = refused;
    }

    /// <summary>A value another owner holds; the claim then holds nothing.</summary>
    public UniqueValue? Refused { get; }

    /// <summary>
    /// Reserves every value at once. When one is refused, or its index cannot be written, frees the
    /// others before answering (or rethrowing).
    /// </summary>
    public static async Task<UniqueClaim> Reserve(IGrainFactory grains, IndexKeys keys, string org, Guid owner, IEnumerable<UniqueValue> values)
    {
        var wanted = values.Distinct().ToArray();
        var reservations = wanted.Select(v => Index(grains, keys, org, v).Reserve(owner, v.Value)).ToArray();
        try
        {
            await Task.WhenAll(reservations);
        }
        catch
        {
            await FreeQuietly(grains, keys, org, owner, wanted.Where((_, i) => reservations[i].IsCompletedSuccessfully && reservations[i].Result));
            throw;
        }

        var refused = Array.FindIndex(reservations, r => !r.Result);
        if (refused < 0)
        {
            return new UniqueClaim(grains, keys, org, owner, wanted, null);
        }

        await Free(grains, keys, org, owner, wanted.Where((_, i) => reservations[i].Result));
        return new UniqueClaim(grains, keys, org, owner, [], wanted[refused]);
    }

    /// <summary>
    /// Runs the owner's write. When it throws, frees each value the owner's stored state (as
    /// <paramref name="stored"/> tells it once the write has failed) does not hold, and rethrows.
    /// When the write is stored but a reservation was taken over meanwhile, runs <paramref name="undo"/>
    /// (which must store the owner as it was), frees the rest and answers the lost value.
    /// </summary>
    public async Task<UniqueValue?> Commit(Func<Task> write, Func<UniqueValue, bool> stored, Func<Task> undo)
    {
        try
        {
            await write();
        }
        catch
        {
            await FreeQuietly(_grains, _keys, _org, _owner, _values.Where(v => !stored(v)));
            throw;
        }

        if (_values.Length == 0)
        {
            return null;
        }

        var held = await Task.WhenAll(_values.Select(v => Index(_grains, _keys, _org, v).IsHeldBy(_owner)));
        var lost = Array.IndexOf(held, false);
        if (lost < 0)
        {
            return null;
        }

        await undo();
        await Free(_grains, _keys, _org, _owner, _values.Where(v => !stored(v)));
        return _values[lost];
    }

    /// <summary>Gives the claim up before anything was written.</summary>
    public Task Abandon() => Free(_grains, _keys, _org, _owner, _values);

    /// <summary>Frees values the owner gave up or never stored; a value someone else holds is left alone.</summary>
    public static Task Free(IGrainFactory grains, IndexKeys keys, string org, Guid owner, IEnumerable<UniqueValue> values) =>
        Task.WhenAll(values.Select(v => Index(grains, keys, org, v).Release(owner)));

    /// <summary>Frees on a path that is already failing: the first fault is the one to report.</summary>
    private static async Task FreeQuietly(IGrainFactory grains, IndexKeys keys, string org, Guid owner, IEnumerable<UniqueValue> values)
    {
        try
        {
            await Free(grains, keys, org, owner, values);
        }
        catch
        {
            // A reservation left behind heals once its grace has passed: the index asks the owner.
        }
    }

    private static IUniqueIndexGrain Index(IGrainFactory grains, IndexKeys keys, string org, UniqueValue value) =>
        grains.Ref<IUniqueIndexGrain>(keys.For(org, value));
}
