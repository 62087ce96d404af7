namespace Customers;

[GenerateSerializer]
public sealed class AddCustomerCategoryRequest
{
    [Id(0)] public int? Id { get; set; }
    [Id(1)] public string? Value { get; set; }
    [Id(2)] public string? Description { get; set; }
    [Id(3)] public string? Reason { get; set; }
}

/// <summary>Absent (or null) fields stay as they are.</summary>
[GenerateSerializer]
public sealed class PatchCustomerCategoryRequest
{
    [Id(0)] public string? Value { get; set; }
    [Id(1)] public string? Description { get; set; }
    [Id(2)] public string? Reason { get; set; }
}
