namespace Customers.Grains.Validation;

/// <summary>
/// Validation of the catalogue's requests (contract §8 and §9), in their normal form
/// (<see cref="Normalize(CreateCategoriesRequest)"/> and its siblings); it changes nothing.
/// </summary>
public static partial class CatalogRules
{
    public const int MaxBatch = 50;
    public const int MaxValidValues = 500;
    public const int MaxSpecialTreatmentValues = 100;
    public const int MaxCategoriesPerOrg = 200;
    public const int MaxDescription = 255;
    private const string CategoryNameRule = "must match ^[A-Za-z0-9_]{1,50}$";
    private const string ValueRule = "must match ^[a-z0-9_]{1,50}$";

    public static Violations ValidateNewCategories(CreateCategoriesRequest request)
    {
        var v = new Violations();
        if (request.Categories is null)
        {
            v.Add("categories", "is required");
            return v;
        }

        if (request.Categories.Count is < 1 or > MaxBatch)
        {
            v.Add("categories", $"must have between 1 and {MaxBatch} items");
        }

        for (var i = 0; i < request.Categories.Count; i++)
        {
            var path = $"categories[{i}]";
            if (request.Categories[i] is not { } category)
            {
                v.Add(path, "is required");
                continue;
            }

            v.Matches(category.Name, $"{path}.name", Patterns.CategoryName(), CategoryNameRule, required: true);
            Description(v, category.Description, $"{path}.description");
            ValidValues(v, category.ValidValues, $"{path}.valid_values");
        }

        return v;
    }

    public static Violations ValidatePatchCategory(PatchCategoryRequest request)
    {
        var v = new Violations();
        Description(v, request.Description, "description");
        ValidValues(v, request.ValidValues, "valid_values");
        return v;
    }

    /// <summary>An org's special-treatment list: required, unique, each value on the pattern.</summary>
    public static Violations ValidateSpecialTreatmentList(SpecialTreatmentValues request)
    {
        var v = new Violations();
        if (request.Values is null)
        {
            v.Add("values", "is required");
            return v;
        }

        if (request.Values.Count > MaxSpecialTreatmentValues)
        {
            v.Add("values", $"must have at most {MaxSpecialTreatmentValues} items");
            return v;
        }

        UniqueList(v, request.Values, "values");
        for (var i = 0; i < request.Values.Count; i++)
        {
            if (request.Values[i] is { } value)
            {
                v.Matches(value, $"values[{i}]", Patterns.CatalogValue(), ValueRule, required: true);
            }
        }

        return v;
    }

    /// <summary>A customer's special treatment: required, at most one value, on the pattern.</summary>
    public static Violations ValidateCustomerSpecialTreatment(SpecialTreatmentValues request)
    {
        var v = new Violations();
        if (request.Values is null)
        {
            v.Add("values", "is required");
            return v;
        }

        if (request.Values.Count > 1)
        {
            v.Add("values", "must have at most 1 item");
        }

        for (var i = 0; i < request.Values.Count; i++)
        {
            v.Matches(request.Values[i], $"values[{i}]", Patterns.CatalogValue(), ValueRule, required: true);
        }

        return v;
    }

    public static Violations ValidateAddCustomerCategory(AddCustomerCategoryRequest request)
    {
        var v = new Violations();
        if (request.Id is null)
        {
            v.Add("id", "is required");
        }

        v.Matches(request.Value, "value", Patterns.CatalogValue(), ValueRule, required: false);
        v.Text(request.Description, "description", 1, 200, required: false);
        v.Text(request.Reason, "reason", 1, 200, required: false);
        return v;
    }

    public static Violations ValidatePatchCustomerCategory(PatchCustomerCategoryRequest request)
    {
        var v = new Violations();
        v.Matches(request.Value, "value", Patterns.CatalogValue(), ValueRule, required: false);
        v.Text(request.Description, "description", 1, 200, required: false);
        v.Text(request.Reason, "reason", 1, 200, required: false);
        return v;
    }

    /// <summary>At most 500 unique values on the value pattern; a longer list is refused before its items are looked at.</summary>
    private static void ValidValues(Violations v, List<string?>? values, string path)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count > MaxValidValues)
        {
            v.Add(path, $"must have at most {MaxValidValues} items");
            return;
        }

        UniqueList(v, values, path);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value)
            {
                v.Matches(value, $"{path}[{i}]", Patterns.CatalogValue(), ValueRule, required: true);
            }
        }
    }

    private static void Description(Violations v, string? description, string path) =>
        v.Text(description, path, 0, MaxDescription, required: false);

    private static void UniqueList(Violations v, List<string?>? values, string path)
    {
        if (values is null)
        {
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null)
            {
                v.Add($"{path}[{i}]", "is required");
            }
        }

        if (values.Where(x => x is not null).Distinct(StringComparer.Ordinal).Count() != values.Count(x => x is not null))
        {
            v.Add(path, "must not repeat a value");
        }
    }
}
