namespace Customers;

/// <summary>
/// An org's catalogue: its categories and special-treatment values. Key: <see cref="GrainKeys.TenantCatalog"/>.
/// Who holds which value lives in the holder buckets (the catalogue holder bucket grains), which the
/// customer grains keep current, so refusing to remove a value in use, or ending a deleted category
/// on its holders, needs no scan of customers; this grain is written only when the catalogue changes.
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
    /// Whether a customer may take <paramref name="value"/> (null allowed) for the category; answers the
    /// category's name. Not found for an unknown category; invalid when the category restricts its values
    /// and this is not one, or when the value is being removed. Changes nothing: the customer has already
    /// recorded itself with the category's holders (see the catalogue holder bucket grains).
    /// </summary>
    Task<Outcome<string>> ValidateCategoryValue(int categoryId, string? value);

    /// <summary>As <see cref="ValidateCategoryValue"/>: invalid when the org does not list the value, or it is being removed.</summary>
    Task<Outcome> ValidateSpecialTreatment(string value);

    /// <summary>How many customers hold each value, asked of the holder buckets.</summary>
    Task<CatalogUsage> Usage();
}
