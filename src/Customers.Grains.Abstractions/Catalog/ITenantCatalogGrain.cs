namespace Customers;

/// <summary>
/// An org's catalogue: its categories and special-treatment values, and who holds each value.
/// Key: <see cref="GrainKeys.TenantCatalog"/>. Customer grains report what they take and drop
/// (the <c>Acquire</c>/<c>Release</c>/<c>Restore</c> calls), so refusing to remove a value that is
/// in use, or ending a deleted category on its holders, needs no scan of customers.
/// </summary>
public interface ITenantCatalogGrain : IGrainWithStringKey
{
    /// <summary>Every category, ordered by id.</summary>
    Task<List<Category>> ListCategories();

    /// <summary>All or nothing; names are unique per org case-insensitively, also within the batch.</summary>
    Task<Outcome<List<Category>>> CreateCategories(CreateCategoriesRequest request);

    Task<Category?> GetCategory(int id);

    /// <summary>Conflict when the new <c>valid_values</c> would take away a value some customer holds.</summary>
    Task<Outcome> UpdateCategory(int id, PatchCategoryRequest request);

    /// <summary>Removes the category and ends it, at the time of deletion and in the name of <paramref name="actor"/>, on every customer that held it.</summary>
    Task<Outcome> DeleteCategory(int id, string actor);

    Task<List<string>> GetSpecialTreatment();

    /// <summary>Replaces the org's list; conflict when it would take away a value some customer holds.</summary>
    Task<Outcome> ReplaceSpecialTreatment(SpecialTreatmentValues request);

    /// <summary>
    /// Records that <paramref name="customer"/> is about to hold <paramref name="value"/> (null allowed)
    /// for the category, replacing what it held there; answers the category's name. Not found for
    /// an unknown category; invalid when the category restricts its values and this is not one.
    /// </summary>
    Task<Outcome<string>> AcquireCategoryValue(Guid customer, int categoryId, string? value);

    /// <summary>Puts back what <paramref name="customer"/> held before a change it could not store; no rule is checked.</summary>
    Task RestoreCategoryValue(Guid customer, int categoryId, string? value);

    Task ReleaseCategory(Guid customer, int categoryId);

    /// <summary>Records that <paramref name="customer"/> is about to hold <paramref name="value"/>; invalid when the org does not list it.</summary>
    Task<Outcome> AcquireSpecialTreatment(Guid customer, string value);

    /// <summary>Puts back what <paramref name="customer"/> held before a change it could not store; no rule is checked.</summary>
    Task RestoreSpecialTreatment(Guid customer, string value);

    Task ReleaseSpecialTreatment(Guid customer);

    /// <summary>Forgets everything <paramref name="customer"/> held (it was deleted).</summary>
    Task ReleaseCustomer(Guid customer);

    Task<CatalogUsage> Usage();
}
