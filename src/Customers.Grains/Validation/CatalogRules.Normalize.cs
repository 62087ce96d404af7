namespace Customers.Grains.Validation;

/// <summary>
/// The normal form of the catalogue's requests (trimmed descriptions and reasons): what
/// <see cref="CatalogRules"/> checks and the grains store. Each returns a copy and leaves its argument
/// as it was.
/// </summary>
public static partial class CatalogRules
{
    public static CreateCategoriesRequest Normalize(CreateCategoriesRequest request)
    {
        var normal = Copy.Of(request);
        normal.Categories = request.Categories?.Select(c =>
        {
            if (c is null)
            {
                return null;
            }

            var category = Copy.Of(c);
            category.Description = c.Description?.Trim();
            return category;
        }).ToList();
        return normal;
    }

    public static PatchCategoryRequest Normalize(PatchCategoryRequest request)
    {
        var normal = Copy.Of(request);
        normal.Description = request.Description?.Trim();
        return normal;
    }

    public static AddCustomerCategoryRequest Normalize(AddCustomerCategoryRequest request)
    {
        var normal = Copy.Of(request);
        normal.Description = request.Description?.Trim();
        normal.Reason = request.Reason?.Trim();
        return normal;
    }

    public static PatchCustomerCategoryRequest Normalize(PatchCustomerCategoryRequest request)
    {
        var normal = Copy.Of(request);
        normal.Description = request.Description?.Trim();
        normal.Reason = request.Reason?.Trim();
        return normal;
    }
}
