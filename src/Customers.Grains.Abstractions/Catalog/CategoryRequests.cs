namespace Customers;

[GenerateSerializer]
public sealed class CreateCategoriesRequest
{
    [Id(0)] public List<NewCategory?>? Categories { get; set; }
}

[GenerateSerializer]
public sealed class NewCategory
{
    [Id(0)] public string? Name { get; set; }
    [Id(1)] public string? Description { get; set; }
    [Id(2)] public List<string?>? ValidValues { get; set; }
}

/// <summary>Absent (or null) fields stay as they are; <c>valid_values</c> replaces the whole list.</summary>
[GenerateSerializer]
public sealed class PatchCategoryRequest
{
    [Id(0)] public string? Description { get; set; }
    [Id(1)] public List<string?>? ValidValues { get; set; }
}
