using System.Runtime.ExceptionServices;
using Customers.Grains.Events;
using Customers.Grains.Indexing;
using Customers.Grains.Validation;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Serialization;

namespace Customers.Grains.Catalog;

/// <summary>
/// An org's catalogue: categories and special-treatment values, written only when they change.
/// Who holds which value is kept by the holder buckets (<see cref="CatalogHoldersGrain"/>).
/// Reentrant, so that customers keep getting their values validated while a change of the
/// catalogue waits on the buckets, which may be waiting on those very customers. Two gates instead:
/// <see cref="_changes"/> runs the changes of the catalogue one at a time from start to end, and
/// <see cref="_gate"/> keeps reads from seeing a write that may still fail; it is never held across
/// a call to another grain.
/// </summary>
[Reentrant]
public sealed class TenantCatalogGrain(
    [PersistentState("catalog", StorageNames.Default)] IPersistentState<TenantCatalogState> state,
    TimeProvider time,
    DeepCopier<TenantCatalogState> copier,
    ILogger<TenantCatalogGrain> logger) : Grain, ITenantCatalogGrain, IRemindable
{
    /// <summary>How many buckets are asked at once when every bucket of a scope is.</summary>
    private const int BucketsAtOnce = 16;
    private const string PendingEndsReminder = "category-ends";
    private static readonly TimeSpan PendingEndsRetry = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _changes = new(1, 1);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Per holder scope, while values are being removed from it: the values it keeps.</summary>
    private readonly Dictionary<string, HashSet<string>> _narrowing = [];

    private string _org = "";

    private TenantCatalogState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        _org = key[..key.IndexOf('/')];
        if (S.PendingEnds.Count > 0)
        {
            // Told at once rather than at the reminder's next tick; not awaited here, as a holder
            // may be the caller that is activating this grain. The reminder stays the guarantee.
            this.RegisterGrainTimer(FinishPendingEnds, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == PendingEndsReminder ? FinishPendingEnds() : Task.CompletedTask;

    public async Task<List<Category>> ListCategories()
    {
        using (await _gate.Enter())
        {
            return S.Categories.OrderBy(c => c.Id).Select(c => c.ToView()).ToList();
        }
    }

    public async Task<Outcome<List<Category>>> CreateCategories(CreateCategoriesRequest request)
    {
        using (await _changes.Enter())
        {
            request = CatalogRules.Normalize(request);
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

            if (S.Categories.Count + items.Count > CatalogRules.MaxCategoriesPerOrg)
            {
                return Outcome.Conflict($"an org has at most {CatalogRules.MaxCategoriesPerOrg} categories; it has {S.Categories.Count}");
            }

            var sequence = GrainFactory.Ref<ISequenceGrain>(GrainKeys.Sequence(_org, SequenceKinds.Categories));
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

            await Change(s =>
            {
                s.Categories.AddRange(created);
                Record(s, EventTypes.CatalogueCategoryCreated, created.Select(c => $"categories.{c.Id}"));
            });
            return Outcome<List<Category>>.Success(created.Select(c => c.ToView()).ToList());
        }
    }

    public async Task<Category?> GetCategory(int id)
    {
        using (await _gate.Enter())
        {
            return Find(id)?.ToView();
        }
    }

    public async Task<Outcome> UpdateCategory(int id, PatchCategoryRequest request)
    {
        using (await _changes.Enter())
        {
            if (Find(id) is null)
            {
                return CategoryNotFound;
            }

            request = CatalogRules.Normalize(request);
            var violations = CatalogRules.ValidatePatchCategory(request);
            if (violations.Any)
            {
                return violations.ToOutcome();
            }

            var next = request.ValidValues?.Select(v => v!).ToList();
            var stored = Find(id)!;
            if ((request.Description is null || request.Description == stored.Description)
                && (next is null || (stored.ValidValues is { } storedValues && next.SequenceEqual(storedValues, StringComparer.Ordinal))))
            {
                // Nothing changes: no write, no event.
                return Outcome.Ok;
            }

            void Apply(TenantCatalogState s)
            {
                var category = s.Categories.Find(c => c.Id == id)!;
                category.Description = request.Description ?? category.Description;
                category.ValidValues = next ?? category.ValidValues;
                Record(s, EventTypes.CatalogueCategoryUpdated, [$"categories.{id}"]);
            }

            // An empty list allows every value, so only a non-empty list can take values away.
            var current = stored.ValidValues;
            var narrows = next is { Count: > 0 } && (current is not { Count: > 0 } || current.Except(next, StringComparer.Ordinal).Any());
            if (!narrows)
            {
                await Change(Apply);
                return Outcome.Ok;
            }

            return await Narrow(HolderBuckets.CategoryScope(id), next!, Apply,
                held => Outcome.Conflict($"the value '{held}' of category {id} is held by a customer"));
        }
    }

    /// <summary>
    /// Answers once the deletion is stored. Its holders are told right after; whatever could not be
    /// told then is retried by a reminder, registered before the deletion is stored so that neither
    /// a failing holder nor the end of this activation can leave a holder untold.
    /// </summary>
    public async Task<Outcome> DeleteCategory(int id, string actor)
    {
        PendingCategoryEnd pending;
        using (await _changes.Enter())
        {
            if (Find(id) is null)
            {
                return CategoryNotFound;
            }

            await this.RegisterOrUpdateReminder(PendingEndsReminder, PendingEndsRetry, PendingEndsRetry);
            pending = new PendingCategoryEnd { CategoryId = id, EndedAt = time.GetUtcNow().UtcDateTime, Actor = actor };
            await Change(s =>
            {
                s.Categories.RemoveAll(c => c.Id == id);
                s.PendingEnds.Add(pending);
                Record(s, EventTypes.CatalogueCategoryDeleted, [$"categories.{id}"]);
            });
        }

        // Outside the gates: see the class comment. The category is already gone, so no holder can take it meanwhile.
        await FinishPendingEnds();
        return Outcome.Ok;
    }

    public async Task<List<string>> GetSpecialTreatment()
    {
        using (await _gate.Enter())
        {
            return [.. S.SpecialTreatmentValues];
        }
    }

    public async Task<Outcome> ReplaceSpecialTreatment(SpecialTreatmentValues request)
    {
        using (await _changes.Enter())
        {
            var violations = CatalogRules.ValidateSpecialTreatmentList(request);
            if (violations.Any)
            {
                return violations.ToOutcome();
            }

            var next = request.Values!.Select(v => v!).ToList();
            if (next.SequenceEqual(S.SpecialTreatmentValues, StringComparer.Ordinal))
            {
                return Outcome.Ok;
            }

            void Apply(TenantCatalogState s)
            {
                s.SpecialTreatmentValues = next;
                Record(s, EventTypes.CatalogueSpecialTreatmentUpdated, ["special_treatment"]);
            }
            if (!S.SpecialTreatmentValues.Except(next, StringComparer.Ordinal).Any())
            {
                await Change(Apply);
                return Outcome.Ok;
            }

            return await Narrow(HolderBuckets.SpecialTreatment, next, Apply,
                held => Outcome.Conflict($"the special-treatment value '{held}' is assigned to a customer"));
        }
    }

    public async Task<Outcome<string>> ValidateCategoryValue(int categoryId, string? value)
    {
        using (await _gate.Enter())
        {
            if (Find(categoryId) is not { } category)
            {
                return CategoryNotFound;
            }

            if (!category.Allows(value))
            {
                return Outcome.Invalid("value", $"must be one of the category's valid_values ({string.Join(", ", category.ValidValues!)})");
            }

            if (value is not null && IsBeingRemoved(HolderBuckets.CategoryScope(categoryId), value))
            {
                return Outcome.Invalid("value", $"'{value}' is being removed from the category's valid_values");
            }

            return Outcome<string>.Success(category.Name);
        }
    }

    public async Task<Outcome> ValidateSpecialTreatment(string value)
    {
        using (await _gate.Enter())
        {
            if (!S.SpecialTreatmentValues.Contains(value, StringComparer.Ordinal))
            {
                return Outcome.Invalid("values[0]", "must be one of the org's special-treatment values");
            }

            if (IsBeingRemoved(HolderBuckets.SpecialTreatment, value))
            {
                return Outcome.Invalid("values[0]", $"'{value}' is being removed from the org's special-treatment values");
            }

            return Outcome.Ok;
        }
    }

    public async Task<CatalogUsage> Usage()
    {
        List<int> ids;
        using (await _gate.Enter())
        {
            ids = S.Categories.Select(c => c.Id).ToList();
        }

        var usage = new CatalogUsage { SpecialTreatment = await CountHolders(HolderBuckets.SpecialTreatment) };
        foreach (var id in ids)
        {
            usage.Categories[id] = await CountHolders(HolderBuckets.CategoryScope(id));
        }

        return usage;
    }

    /// <summary>
    /// Removes values of a scope unless some customer holds one: conflict then, and nothing changes.
    /// The values are marked as being removed before any bucket is asked, and unmarked only once
    /// the change is stored or refused. A customer taking a value records itself in its bucket
    /// first and has the catalogue validate the value after, and validation refuses a marked value.
    /// Validating and marking happen in this grain one after the other, so either the customer was
    /// validated before the mark, and its bucket, asked after the mark, already has it; or it
    /// validates after the mark and is refused. A value in use is never removed.
    /// </summary>
    private async Task<Outcome> Narrow(string scope, List<string> keep, Action<TenantCatalogState> apply, Func<string, Outcome> conflict)
    {
        _narrowing[scope] = new HashSet<string>(keep, StringComparer.Ordinal);
        try
        {
            var answers = await InEveryBucket(scope, bucket => bucket.FindHeldOutside(keep));
            if (answers.FirstOrDefault(a => a is not null) is { } held)
            {
                return conflict(held);
            }

            await Change(apply);
            return Outcome.Ok;
        }
        finally
        {
            _narrowing.Remove(scope);
        }
    }

    private bool IsBeingRemoved(string scope, string value) =>
        _narrowing.TryGetValue(scope, out var keep) && !keep.Contains(value);

    private async Task<Dictionary<string, int>> CountHolders(string scope)
    {
        var counts = await InEveryBucket(scope, bucket => bucket.Count());
        return counts.SelectMany(c => c)
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Value), StringComparer.Ordinal);
    }

    /// <summary>Asks every bucket of a scope, <see cref="BucketsAtOnce"/> at a time; answers in bucket order.</summary>
    private async Task<List<T>> InEveryBucket<T>(string scope, Func<ICatalogHoldersGrain, Task<T>> ask)
    {
        var answers = new List<T>(HolderBuckets.Count);
        foreach (var keys in HolderBuckets.AllKeys(_org, scope).Chunk(BucketsAtOnce))
        {
            answers.AddRange(await Task.WhenAll(keys.Select(k => ask(GrainFactory.Ref<ICatalogHoldersGrain>(k)))));
        }

        return answers;
    }

    /// <summary>Has every bucket end the deleted category on its holders; all buckets are tried before a failure is thrown.</summary>
    private async Task EndOnHolders(PendingCategoryEnd pending)
    {
        var failures = await InEveryBucket<ExceptionDispatchInfo?>(HolderBuckets.CategoryScope(pending.CategoryId), async bucket =>
        {
            try
            {
                await bucket.EndCategory(pending.EndedAt, pending.Actor);
                return null;
            }
            catch (Exception e)
            {
                return ExceptionDispatchInfo.Capture(e);
            }
        });
        failures.FirstOrDefault(f => f is not null)?.Throw();

        using (await _changes.Enter())
        {
            await Change(s => s.PendingEnds.RemoveAll(p => p.CategoryId == pending.CategoryId));
        }
    }

    /// <summary>Tells the holders of every deleted category still pending; the reminder goes once none is.</summary>
    private async Task FinishPendingEnds()
    {
        List<PendingCategoryEnd> pending;
        using (await _gate.Enter())
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

        // Under the changes gate: a deletion registers the reminder and stores its pending end under it too.
        using (await _changes.Enter())
        {
            if (S.PendingEnds.Count == 0 && await this.GetReminder(PendingEndsReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
    }

    private CategoryRecord? Find(int id) => S.Categories.Find(c => c.Id == id);

    private CategoryRecord? FindByName(string name) =>
        S.Categories.Find(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    private static Outcome CategoryNotFound => Outcome.NotFound("category not found");

    /// <summary>Acknowledged only once stored; a failed write leaves memory as storage has it.</summary>
    private async Task Change(Action<TenantCatalogState> change)
    {
        using (await _gate.Enter())
        {
            var previous = copier.Copy(S);
            change(S);
            await state.WriteOrReload(previous, state.WriteStateAsync);
        }
    }

    private void Record(TenantCatalogState s, string type, IEnumerable<string> changes) =>
        s.Record(type, _org, null, null, time.GetUtcNow().UtcDateTime, changes);
}
