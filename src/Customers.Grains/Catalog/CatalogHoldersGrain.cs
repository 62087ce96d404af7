using System.Runtime.ExceptionServices;
using Orleans.Concurrency;
using Orleans.Serialization;

namespace Customers.Grains.Catalog;

/// <summary>
/// One bucket of the holders of a catalogue scope (see <see cref="ICatalogHoldersGrain"/>).
/// Reentrant, with every change of state made under one gate instead: asking holders whether they
/// still hold a value, or ending a deleted category on them, is done without the gate, because a
/// holder may at that moment be waiting on this bucket (taking or dropping a value).
/// </summary>
[Reentrant]
public sealed class CatalogHoldersGrain(
    [PersistentState("holders", StorageNames.Default)] IPersistentState<CatalogHoldersState> state,
    DeepCopier<CatalogHoldersState> copier) : Grain, ICatalogHoldersGrain
{
    private const int EndBatchSize = 50;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string _org = "";
    private int? _categoryId;

    /// <summary>
    /// While holders are being asked: the customers that acquired meanwhile. A denial from one of
    /// them may be out of date, so it is not forgotten on that denial.
    /// </summary>
    private HashSet<Guid>? _acquiredWhileAsking;
    private int _asking;

    private CatalogHoldersState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // {org}/holders/{scope}/{bucket}
        var parts = this.GetPrimaryKeyString().Split('/');
        _org = parts[0];
        _categoryId = HolderBuckets.CategoryOf(parts[2]);
        return Task.CompletedTask;
    }

    public async Task Acquire(Guid customer, string? value, string? previous)
    {
        _acquiredWhileAsking?.Add(customer);
        var leaving = previous is not null && previous != value ? previous : null;
        using (await _gate.Enter())
        {
            var recorded = S.Holders.TryGetValue(customer, out var held) && held == value
                && S.Leaving.GetValueOrDefault(customer) == leaving;
            if (recorded)
            {
                return;
            }

            await ChangeOne(customer, s =>
            {
                s.Holders[customer] = value;
                if (leaving is null)
                {
                    s.Leaving.Remove(customer);
                }
                else
                {
                    s.Leaving[customer] = leaving;
                }
            });
        }
    }

    public async Task Settle(Guid customer)
    {
        using (await _gate.Enter())
        {
            if (S.Leaving.ContainsKey(customer))
            {
                await ChangeOne(customer, s => s.Leaving.Remove(customer));
            }
        }
    }

    public async Task Restore(Guid customer, string? previous)
    {
        using (await _gate.Enter())
        {
            if (S.Holders.TryGetValue(customer, out var held) && held == previous && !S.Leaving.ContainsKey(customer))
            {
                return;
            }

            await ChangeOne(customer, s =>
            {
                s.Holders[customer] = previous;
                s.Leaving.Remove(customer);
            });
        }
    }

    public async Task Release(Guid customer)
    {
        using (await _gate.Enter())
        {
            if (S.Holders.ContainsKey(customer) || S.Leaving.ContainsKey(customer))
            {
                await ChangeOne(customer, s =>
                {
                    s.Holders.Remove(customer);
                    s.Leaving.Remove(customer);
                });
            }
        }
    }

    public async Task<string?> FindHeldOutside(List<string> keep)
    {
        var kept = new HashSet<string>(keep, StringComparer.Ordinal);
        // Values left behind first, so a holder found stale falls back on them only when they were not denied too.
        var believed = S.Leaving
            .Where(l => !kept.Contains(l.Value))
            .Select(l => (Customer: l.Key, Value: l.Value, Leaving: true))
            .Concat(S.Holders
                .Where(h => h.Value is not null && !kept.Contains(h.Value))
                .Select(h => (Customer: h.Key, Value: h.Value!, Leaving: false)))
            .ToList();
        if (believed.Count == 0)
        {
            return null;
        }

        _asking++;
        _acquiredWhileAsking ??= [];
        try
        {
            var stale = new List<(Guid Customer, string Value, bool Leaving)>();
            foreach (var entry in believed)
            {
                if (await MayHold(entry.Customer, entry.Value))
                {
                    await Forget(stale);
                    return entry.Value;
                }

                stale.Add(entry);
            }

            await Forget(stale);
            return null;
        }
        finally
        {
            if (--_asking == 0)
            {
                _acquiredWhileAsking = null;
            }
        }
    }

    public Task<Dictionary<string, int>> Count() => Task.FromResult(
        S.Holders.Values.OfType<string>()
            .GroupBy(v => v, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));

    public async Task EndCategory(DateTime endedAt, string actor)
    {
        if (_categoryId is not { } categoryId)
        {
            return;
        }

        var holders = S.Holders.Keys.Union(S.Leaving.Keys).ToList();
        var ended = new List<Guid>(holders.Count);
        ExceptionDispatchInfo? failure = null;
        foreach (var batch in holders.Chunk(EndBatchSize))
        {
            var told = await Task.WhenAll(batch.Select(async holder =>
            {
                try
                {
                    await GrainFactory.Ref<ICustomerCategoriesGrain>(GrainKeys.Customer(_org, holder)).EndCategory(categoryId, endedAt, actor);
                    return (holder, (ExceptionDispatchInfo?)null);
                }
                catch (Exception e)
                {
                    return (holder, ExceptionDispatchInfo.Capture(e));
                }
            }));
            ended.AddRange(told.Where(t => t.Item2 is null).Select(t => t.holder));
            failure ??= told.Select(t => t.Item2).FirstOrDefault(e => e is not null);
        }

        if (ended.Count > 0)
        {
            using (await _gate.Enter())
            {
                await Change(s =>
                {
                    foreach (var holder in ended)
                    {
                        s.Holders.Remove(holder);
                        s.Leaving.Remove(holder);
                    }
                });
            }
        }

        failure?.Throw();
    }

    private Task<bool> MayHold(Guid customer, string value)
    {
        var key = GrainKeys.Customer(_org, customer);
        return _categoryId is { } categoryId
            ? GrainFactory.Ref<ICustomerCategoriesGrain>(key).MayHoldCategoryValue(categoryId, value)
            : GrainFactory.Ref<ICustomerSpecialTreatmentGrain>(key).MayHoldSpecialTreatment(value);
    }

    /// <summary>
    /// Drops entries their customer denied: a customer whose write failed after it recorded itself
    /// here, and whose report back was lost too. A holder denying its value may still hold the one it
    /// was leaving, which then becomes its value again.
    /// </summary>
    private async Task Forget(List<(Guid Customer, string Value, bool Leaving)> stale)
    {
        var forget = stale.Where(s => _acquiredWhileAsking?.Contains(s.Customer) != true).ToList();
        if (forget.Count == 0)
        {
            return;
        }

        using (await _gate.Enter())
        {
            await Change(s =>
            {
                foreach (var (customer, value, leaving) in forget)
                {
                    if (_acquiredWhileAsking?.Contains(customer) == true)
                    {
                        continue;
                    }

                    if (leaving)
                    {
                        if (s.Leaving.TryGetValue(customer, out var left) && left == value)
                        {
                            s.Leaving.Remove(customer);
                        }
                    }
                    else if (s.Holders.TryGetValue(customer, out var held) && held == value)
                    {
                        if (s.Leaving.Remove(customer, out var before))
                        {
                            s.Holders[customer] = before;
                        }
                        else
                        {
                            s.Holders.Remove(customer);
                        }
                    }
                }
            });
        }
    }

    /// <summary>
    /// A change of one customer's entries, undone from what they were (no copy of the whole bucket);
    /// otherwise as <see cref="Change"/>.
    /// </summary>
    private async Task ChangeOne(Guid customer, Action<CatalogHoldersState> change)
    {
        var hadValue = S.Holders.TryGetValue(customer, out var value);
        var hadLeaving = S.Leaving.TryGetValue(customer, out var leaving);
        change(S);
        try
        {
            await Store();
        }
        catch
        {
            var s = S;
            s.Holders.Remove(customer);
            s.Leaving.Remove(customer);
            if (hadValue)
            {
                s.Holders[customer] = value;
            }

            if (hadLeaving)
            {
                s.Leaving[customer] = leaving!;
            }

            throw;
        }
    }

    /// <summary>Acknowledged only once stored; a failed write leaves memory as storage has it. Called under the gate.</summary>
    private async Task Change(Action<CatalogHoldersState> change)
    {
        var previous = copier.Copy(S);
        change(S);
        await state.WriteOrReload(previous, Store);
    }

    /// <summary>An emptied bucket keeps no payload.</summary>
    private Task Store() => S.HasNone() ? state.ClearStateAsync() : state.WriteStateAsync();
}
