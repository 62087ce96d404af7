using Orleans.Concurrency;

namespace Customers;

/// <summary>
/// The categories of one customer, with the history of every value it had. The customer grain
/// itself (same key as <see cref="ICustomerGrain"/>). Every call on a customer that never existed
/// or was deleted is not found. <c>actor</c> is recorded as <c>modified_by</c>.
/// </summary>
public interface ICustomerCategoriesGrain : IGrainWithStringKey
{
    Task<Outcome> AddCategory(AddCustomerCategoryRequest request, string actor);

    /// <summary>The categories held with a non-null value, ordered by id.</summary>
    Task<Outcome<CustomerCategoriesView>> GetCategories();

    /// <summary>Not found when the customer does not hold it or holds it with a null value.</summary>
    Task<Outcome<CustomerCategoryView>> GetCategory(int categoryId);

    Task<Outcome> UpdateCategory(int categoryId, PatchCustomerCategoryRequest request, string actor);

    Task<Outcome> RemoveCategory(int categoryId, string actor);

    Task<Outcome<CustomerCategoryHistoryView>> GetCategoryHistory();

    /// <summary>The catalogue deleted the category: the customer's current value of it ends at <paramref name="endedAt"/>.</summary>
    Task EndCategory(int categoryId, DateTime endedAt, string actor);

    /// <summary>
    /// Whether the customer holds <paramref name="value"/> for the category, or may be about to:
    /// the holder buckets ask before they forget a holder they believe stale. Interleaves, so a
    /// customer waiting on its bucket or the catalogue still answers.
    /// </summary>
    [AlwaysInterleave]
    Task<bool> MayHoldCategoryValue(int categoryId, string? value);
}
