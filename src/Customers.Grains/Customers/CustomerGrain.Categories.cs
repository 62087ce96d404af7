using Customers.Grains.Validation;

namespace Customers.Grains.Customers;

public sealed partial class CustomerGrain : ICustomerCategoriesGrain
{
    public async Task<Outcome> AddCategory(AddCustomerCategoryRequest request, string actor)
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        request = CatalogRules.Normalize(request);
        var violations = CatalogRules.ValidateAddCustomerCategory(request);
        if (violations.Any)
        {
            return violations.ToOutcome();
        }

        var categoryId = request.Id!.Value;
        if (HeldCategory(categoryId) is not null)
        {
            return Outcome.Conflict($"the customer already has category {categoryId}");
        }

        return await ChangingHoldings(async () =>
        {
            var holders = CategoryHolders(categoryId);
            var name = "";
            var taken = await Take(holders, request.Value, heldBefore: false, previous: null, async () =>
            {
                var valid = await Catalog.ValidateCategoryValue(categoryId, request.Value);
                name = valid.Value ?? "";
                return valid.WithoutValue();
            });
            if (!taken.IsOk)
            {
                return taken;
            }

            var snapshot = Snapshot();
            var now = Now;
            var category = S.Categories.Find(c => c.Id == categoryId);
            if (category is null)
            {
                category = new CustomerCategoryState { Id = categoryId };
                S.Categories.Add(category);
            }

            category.Name = name;
            category.HeldSince = now;
            category.History.Add(new CategoryValueRecord
            {
                Value = request.Value,
                Description = request.Description,
                Reason = request.Reason,
                CreatedAt = now,
                LastModifiedAt = now,
                ModifiedBy = actor,
            });
            Record(EventTypes.CustomerCategorySet, "categories");
            await WriteTaken(snapshot, holders, heldBefore: false, previous: null);
            return Outcome.Ok;
        });
    }

    public Task<Outcome<CustomerCategoriesView>> GetCategories()
    {
        if (!Readable)
        {
            return Task.FromResult<Outcome<CustomerCategoriesView>>(NotFound);
        }

        var view = new CustomerCategoriesView
        {
            CustomerId = _id,
            Categories = S.Categories
                .Where(c => c.CurrentValue()?.Value is not null)
                .OrderBy(c => c.Id)
                .Select(ToView)
                .ToList(),
        };
        return Task.FromResult(Outcome<CustomerCategoriesView>.Success(view));
    }

    public Task<Outcome<CustomerCategoryView>> GetCategory(int categoryId)
    {
        if (!S.IsLive)
        {
            return Task.FromResult<Outcome<CustomerCategoryView>>(NotFound);
        }

        var category = HeldCategory(categoryId);
        return Task.FromResult(category?.CurrentValue()?.Value is null
            ? (Outcome<CustomerCategoryView>)CustomerCategoryNotFound
            : Outcome<CustomerCategoryView>.Success(ToView(category)));
    }

    public async Task<Outcome> UpdateCategory(int categoryId, PatchCustomerCategoryRequest request, string actor)
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        request = CatalogRules.Normalize(request);
        var violations = CatalogRules.ValidatePatchCustomerCategory(request);
        if (violations.Any)
        {
            return violations.ToOutcome();
        }

        if (HeldCategory(categoryId) is not { } category)
        {
            return CustomerCategoryNotFound;
        }

        var current = category.CurrentValue()!;
        if (request.Value is null || request.Value == current.Value)
        {
            // Words already held change nothing: no event, no new modification date.
            if ((request.Description ?? current.Description) == current.Description
                && (request.Reason ?? current.Reason) == current.Reason)
            {
                return Outcome.Ok;
            }

            // The same value with new words: the history row is amended, not ended.
            var snapshot = Snapshot();
            current.Description = request.Description ?? current.Description;
            current.Reason = request.Reason ?? current.Reason;
            current.LastModifiedAt = Now;
            current.ModifiedBy = actor;
            Record(EventTypes.CustomerCategorySet, "categories");
            await WriteOrRevert(snapshot);
            return Outcome.Ok;
        }

        return await ChangingHoldings(async () =>
        {
            var holders = CategoryHolders(categoryId);
            var previous = current.Value;
            var taken = await Take(holders, request.Value, heldBefore: true, previous,
                async () => (await Catalog.ValidateCategoryValue(categoryId, request.Value)).WithoutValue());
            if (!taken.IsOk)
            {
                return taken;
            }

            var snapshot = Snapshot();
            var heldSince = category.HeldSince;
            var now = Now;
            category.End(now, actor);
            category.History.Add(new CategoryValueRecord
            {
                Value = request.Value,
                Description = request.Description ?? current.Description,
                Reason = request.Reason ?? current.Reason,
                CreatedAt = now,
                LastModifiedAt = now,
                ModifiedBy = actor,
            });
            // Held since the category was taken, not since this value.
            category.HeldSince = heldSince;
            Record(EventTypes.CustomerCategorySet, "categories");
            await WriteTaken(snapshot, holders, heldBefore: true, previous);
            return Outcome.Ok;
        });
    }

    public async Task<Outcome> RemoveCategory(int categoryId, string actor)
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        if (HeldCategory(categoryId) is not { } category)
        {
            return CustomerCategoryNotFound;
        }

        return await ChangingHoldings(async () =>
        {
            var snapshot = Snapshot();
            category.End(Now, actor);
            Record(EventTypes.CustomerCategoryRemoved, "categories");
            await WriteOrRevert(snapshot);
            await TellHolders(() => CategoryHolders(categoryId).Release(_id));
            return Outcome.Ok;
        });
    }

    public Task<Outcome<CustomerCategoryHistoryView>> GetCategoryHistory()
    {
        if (!Readable)
        {
            return Task.FromResult<Outcome<CustomerCategoryHistoryView>>(NotFound);
        }

        var view = new CustomerCategoryHistoryView
        {
            CustomerId = _id,
            Categories = S.Categories
                .Where(c => c.History.Count > 0)
                .OrderBy(c => c.Id)
                .Select(c => new CategoryHistoryView
                {
                    Id = c.Id,
                    Name = c.Name,
                    HistoricalValues = c.History.Select(h => new CategoryHistoricalValue
                    {
                        Value = h.Value,
                        Description = h.Description,
                        Reason = h.Reason,
                        CreateDate = h.CreatedAt,
                        EndDate = h.EndedAt,
                        LastModifiedDate = h.LastModifiedAt,
                        ModifiedBy = h.ModifiedBy,
                    }).ToList(),
                })
                .ToList(),
        };
        return Task.FromResult(Outcome<CustomerCategoryHistoryView>.Success(view));
    }

    public async Task EndCategory(int categoryId, DateTime endedAt, string actor)
    {
        if (!S.IsLive || HeldCategory(categoryId) is not { } category)
        {
            return;
        }

        var snapshot = Snapshot();
        category.End(endedAt, actor);
        Record(EventTypes.CustomerCategoryRemoved, "categories");
        await WriteOrRevert(snapshot);
    }

    public Task<bool> MayHoldCategoryValue(int categoryId, string? value) =>
        Task.FromResult(_holdingsInFlight || (S.IsLive && HeldCategory(categoryId)?.CurrentValue() is { } current && current.Value == value));

    private CustomerCategoryState? HeldCategory(int categoryId) =>
        S.Categories.Find(c => c.Id == categoryId && c.HeldSince is not null);

    private static Outcome CustomerCategoryNotFound => Outcome.NotFound("the customer does not have this category");

    private static CustomerCategoryView ToView(CustomerCategoryState category)
    {
        var current = category.CurrentValue()!;
        return new CustomerCategoryView
        {
            Id = category.Id,
            Name = category.Name,
            Value = current.Value,
            Description = current.Description,
            Reason = current.Reason,
            CreateDateTime = category.HeldSince!.Value,
            LastModifiedDateTime = current.LastModifiedAt,
        };
    }
}
