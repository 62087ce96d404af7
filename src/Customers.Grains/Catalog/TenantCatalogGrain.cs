using Customers.Grains.Validation;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Serialization;

namespace Customers.Grains.Catalog;

/// <summary>
/// An org's catalogue. Reentrant, with every operation run under one gate instead: deleting a
/// category must wait for its holders, and a holder may at that moment be waiting on the
/// catalogue itself (taking another value), so the deletion lets go of the gate while it tells them.
/// </summary>
[Reentrant]
public sealed class TenantCatalogGrain(
    [PersistentState("catalog", StorageNames.Default)] IPersistentState<TenantCatalogState> state,
    TimeProvider time,
    DeepCopier<TenantCatalogState> copier,
    ILogger<TenantCatalogGrain> logger) : Grain, ITenantCatalogGrain
{
    private const int EndBatchSize = 50;
    private static readonly TimeSpan PendingEndsRetry = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string _org = "";
    private IGrainTimer? _pendingEndsTimer;

    private TenantCatalogState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        _org = key[..key.IndexOf('/')];
        if (S.PendingEnds.Count > 0)
        {
            // Not awaited here: a holder may be the caller that is activating this grain.
            RetryPendingEnds(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public async Task<List<Category>> ListCategories()
    {
        using (await Enter())
        {
            return S.Categories.OrderBy(c => c.Id).Select(c => c.ToView()).ToList();
        }
    }

    public async Task<Outcome<List<Category>>> CreateCategories(CreateCategoriesRequest request)
    {
        using (await Enter())
        {
            var violations = CatalogRules.ValidateNewCategories(request);
            if (violations.Any)
            {
                return violations.ToOutcome();
            }

            var items = request.Categories!.Select(c => c!).ToList();
            var batch = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in items)
            {
                if (FindByName(item.Name!) is not null)
                {
                    return Outcome.Conflict($"a category named '{item.Name}' already exists");
                }

                if (!batch.Add(item.Name!))
                {
                    return Outcome.Conflict($"the category name '{item.Name}' repeats in the batch");
                }
            }

            var sequence = GrainFactory.GetGrain<ISequenceGrain>(GrainKeys.Sequence(_org, SequenceKinds.Categories));
            var created = new List<CategoryRecord>(items.Count);
            foreach (var item in items)
            {
                created.Add(new CategoryRecord
                {
                    Id = checked((int)await sequence.Next()),
                    Name = item.Name!,
                    Description = item.Description,
                    ValidValues = item.ValidValues?.Select(v => v!).ToList(),
                });
            }

            var snapshot = Snapshot();
            S.Categories.AddRange(created);
            await Commit(snapshot);
            return Outcome<List<Category>>.Success(created.Select(c => c.ToView()).ToList());
        }
    }

    public async Task<Category?> GetCategory(int id)
    {
        using (await Enter())
        {
            return Find(id)?.ToView();
        }
    }

    public async Task<Outcome> UpdateCategory(int id, PatchCategoryRequest request)
    {
        using (await Enter())
        {
            if (Find(id) is not { } category)
            {
                return CategoryNotFound;
            }

            var violations = CatalogRules.ValidatePatchCategory(request);
            if (violations.Any)
            {
                return violations.ToOutcome();
            }

            var next = request.ValidValues?.Select(v => v!).ToList();
            var stale = new List<Guid>();
            if (next is not null)
            {
                // Emptying a restricted list takes its values away too, as the contract words it.
                var restricted = next.Count > 0 || category.ValidValues is { Count: > 0 };
                var lost = category.Holders
                    .Where(h => h.Value is not null && restricted && !next.Contains(h.Value, StringComparer.Ordinal))
                    .Select(h => (h.Key, h.Value!));
                var (held, staleHolders) = await ConfirmHolders(lost, (customer, value) => CustomerCategories(customer).MayHoldCategoryValue(id, value));
                stale = staleHolders;
                if (held is not null)
                {
                    await ForgetStale(stale, s => s.Categories.Find(c => c.Id == id)?.Holders);
                    return Outcome.Conflict($"the value '{held}' of category {id} is held by a customer");
                }
            }

            var snapshot = Snapshot();
            category.Holders = category.Holders.Where(h => !stale.Contains(h.Key)).ToDictionary();
            category.Description = request.Description ?? category.Description;
            category.ValidValues = next ?? category.ValidValues;
            await Commit(snapshot);
            return Outcome.Ok;
        }
    }

    public async Task<Outcome> DeleteCategory(int id, string actor)
    {
        PendingCategoryEnd pending;
        using (await Enter())
        {
            if (Find(id) is not { } category)
            {
                return CategoryNotFound;
            }

            pending = new PendingCategoryEnd
            {
                CategoryId = id,
                EndedAt = time.GetUtcNow().UtcDateTime,
                Actor = actor,
                Holders = [.. category.Holders.Keys],
            };
            var snapshot = Snapshot();
            S.Categories.Remove(category);
            if (pending.Holders.Count > 0)
            {
                S.PendingEnds.Add(pending);
            }

            await Commit(snapshot);
        }

        // Outside the gate: see the class comment. The category is already gone, so no holder can take it meanwhile.
        try
        {
            await EndOnHolders(pending);
        }
        catch
        {
            RetryPendingEnds(PendingEndsRetry);
            throw;
        }

        return Outcome.Ok;
    }

    public async Task<List<string>> GetSpecialTreatment()
    {
        using (await Enter())
        {
            return [.. S.SpecialTreatmentValues];
        }
    }

    public async Task<Outcome> ReplaceSpecialTreatment(SpecialTreatmentValues request)
    {
        using (await Enter())
        {
            var violations = CatalogRules.ValidateSpecialTreatmentList(request);
            if (violations.Any)
            {
                return violations.ToOutcome();
            }

            var next = request.Values!.Select(v => v!).ToList();
            var lost = S.SpecialTreatmentHolders
                .Where(h => !next.Contains(h.Value, StringComparer.Ordinal))
                .Select(h => (h.Key, h.Value));
            var (held, stale) = await ConfirmHolders(lost, (customer, value) => CustomerSpecialTreatment(customer).MayHoldSpecialTreatment(value));
            if (held is not null)
            {
                await ForgetStale(stale, s => s.SpecialTreatmentHolders);
                return Outcome.Conflict($"the special-treatment value '{held}' is assigned to a customer");
            }

            var snapshot = Snapshot();
            foreach (var customer in stale)
            {
                S.SpecialTreatmentHolders.Remove(customer);
            }

            S.SpecialTreatmentValues = next;
            await Commit(snapshot);
            return Outcome.Ok;
        }
    }

    public async Task<Outcome<string>> AcquireCategoryValue(Guid customer, int categoryId, string? value)
    {
        using (await Enter())
        {
            if (Find(categoryId) is not { } category)
            {
                return CategoryNotFound;
            }

            if (!category.Allows(value))
            {
                return Outcome.Invalid("value", $"must be one of the category's valid_values ({string.Join(", ", category.ValidValues!)})");
            }

            if (!category.Holders.TryGetValue(customer, out var held) || held != value)
            {
                var snapshot = Snapshot();
                category.Holders[customer] = value;
                await Commit(snapshot);
            }

            return Outcome<string>.Success(category.Name);
        }
    }

    public async Task RestoreCategoryValue(Guid customer, int categoryId, string? value)
    {
        using (await Enter())
        {
            if (Find(categoryId) is { } category && (!category.Holders.TryGetValue(customer, out var held) || held != value))
            {
                var snapshot = Snapshot();
                category.Holders[customer] = value;
                await Commit(snapshot);
            }
        }
    }

    public async Task ReleaseCategory(Guid customer, int categoryId)
    {
        using (await Enter())
        {
            if (Find(categoryId) is { } category && category.Holders.ContainsKey(customer))
            {
                var snapshot = Snapshot();
                category.Holders.Remove(customer);
                await Commit(snapshot);
            }
        }
    }

    public async Task<Outcome> AcquireSpecialTreatment(Guid customer, string value)
    {
        using (await Enter())
        {
            if (!S.SpecialTreatmentValues.Contains(value, StringComparer.Ordinal))
            {
                return Outcome.Invalid("values[0]", "must be one of the org's special-treatment values");
            }

            await HoldSpecialTreatment(customer, value);
            return Outcome.Ok;
        }
    }

    public async Task RestoreSpecialTreatment(Guid customer, string value)
    {
        using (await Enter())
        {
            await HoldSpecialTreatment(customer, value);
        }
    }

    public async Task ReleaseSpecialTreatment(Guid customer)
    {
        using (await Enter())
        {
            if (S.SpecialTreatmentHolders.ContainsKey(customer))
            {
                var snapshot = Snapshot();
                S.SpecialTreatmentHolders.Remove(customer);
                await Commit(snapshot);
            }
        }
    }

    public async Task ReleaseCustomer(Guid customer)
    {
        using (await Enter())
        {
            var holds = S.SpecialTreatmentHolders.ContainsKey(customer) || S.Categories.Any(c => c.Holders.ContainsKey(customer));
            if (!holds)
            {
                return;
            }

            var snapshot = Snapshot();
            S.SpecialTreatmentHolders.Remove(customer);
            foreach (var category in S.Categories)
            {
                category.Holders.Remove(customer);
            }

            await Commit(snapshot);
        }
    }

    public async Task<CatalogUsage> Usage()
    {
        using (await Enter())
        {
            return new CatalogUsage
            {
                Categories = S.Categories.ToDictionary(c => c.Id, c => CountValues(c.Holders.Values)),
                SpecialTreatment = CountValues(S.SpecialTreatmentHolders.Values),
            };
        }
    }

    private static Dictionary<string, int> CountValues(IEnumerable<string?> values) =>
        values.OfType<string>().GroupBy(v => v, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private async Task HoldSpecialTreatment(Guid customer, string value)
    {
        if (S.SpecialTreatmentHolders.TryGetValue(customer, out var held) && held == value)
        {
            return;
        }

        var snapshot = Snapshot();
        S.SpecialTreatmentHolders[customer] = value;
        await Commit(snapshot);
    }

    /// <summary>
    /// Asks the believed holders of values about to be taken away, one at a time, until one
    /// (possibly) holds its value. Those that deny it are stale: a customer whose write failed
    /// after the catalogue counted it, and whose report back was lost too.
    /// </summary>
    private static async Task<(string? Held, List<Guid> Stale)> ConfirmHolders(
        IEnumerable<(Guid Customer, string Value)> believed, Func<Guid, string, Task<bool>> mayHold)
    {
        var stale = new List<Guid>();
        foreach (var (customer, value) in believed.ToList())
        {
            if (await mayHold(customer, value))
            {
                return (value, stale);
            }

            stale.Add(customer);
        }

        return (null, stale);
    }

    private async Task ForgetStale<TValue>(List<Guid> stale, Func<TenantCatalogState, Dictionary<Guid, TValue>?> holders)
    {
        if (stale.Count == 0)
        {
            return;
        }

        var snapshot = Snapshot();
        var map = holders(S);
        foreach (var customer in stale)
        {
            map?.Remove(customer);
        }

        await Commit(snapshot);
    }

    private async Task EndOnHolders(PendingCategoryEnd pending)
    {
        if (pending.Holders.Count == 0)
        {
            return;
        }

        foreach (var batch in pending.Holders.Chunk(EndBatchSize))
        {
            await Task.WhenAll(batch.Select(h => CustomerCategories(h).EndCategory(pending.CategoryId, pending.EndedAt, pending.Actor)));
        }

        using (await Enter())
        {
            var snapshot = Snapshot();
            S.PendingEnds.RemoveAll(p => p.CategoryId == pending.CategoryId);
            await Commit(snapshot);
        }
    }

    private void RetryPendingEnds(TimeSpan dueTime) =>
        _pendingEndsTimer ??= this.RegisterGrainTimer(FinishPendingEnds, dueTime, PendingEndsRetry);

    private async Task FinishPendingEnds()
    {
        List<PendingCategoryEnd> pending;
        using (await Enter())
        {
            pending = [.. S.PendingEnds];
        }

        foreach (var end in pending)
        {
            try
            {
                await EndOnHolders(end);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Ending deleted category {CategoryId} of {Org} on its holders failed; retried in {Retry}", end.CategoryId, _org, PendingEndsRetry);
            }
        }

        using (await Enter())
        {
            if (S.PendingEnds.Count == 0)
            {
                _pendingEndsTimer?.Dispose();
                _pendingEndsTimer = null;
            }
        }
    }

    private CategoryRecord? Find(int id) => S.Categories.Find(c => c.Id == id);

    private CategoryRecord? FindByName(string name) =>
        S.Categories.Find(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    private static Outcome CategoryNotFound => Outcome.NotFound("category not found");

    private ICustomerCategoriesGrain CustomerCategories(Guid customer) =>
        GrainFactory.GetGrain<ICustomerCategoriesGrain>(GrainKeys.Customer(_org, customer));

    private ICustomerSpecialTreatmentGrain CustomerSpecialTreatment(Guid customer) =>
        GrainFactory.GetGrain<ICustomerSpecialTreatmentGrain>(GrainKeys.Customer(_org, customer));

    private async Task<IDisposable> Enter()
    {
        await _gate.WaitAsync();
        return new GateRelease(_gate);
    }

    private TenantCatalogState Snapshot() => copier.Copy(S);

    /// <summary>Acknowledged only once stored; a failed write leaves memory as storage has it.</summary>
    private async Task Commit(TenantCatalogState previous)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }
    }

    private sealed class GateRelease(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
