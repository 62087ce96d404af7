using System.Text.Json.Serialization;

namespace Customers;

/// <summary>A category a customer currently holds with a non-null value.</summary>
[GenerateSerializer]
public sealed class CustomerCategoryView
{
    [Id(0)] public int Id { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string? Value { get; set; }
    // Listed by the page's item whether given or not: null when not given.
    [Id(3), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Description { get; set; }
    [Id(4), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Reason { get; set; }
    [Id(5)] public DateTime CreateDateTime { get; set; }
    [Id(6)] public DateTime LastModifiedDateTime { get; set; }
}

[GenerateSerializer]
public sealed class CustomerCategoriesView
{
    [Id(0)] public Guid CustomerId { get; set; }
    [Id(1)] public List<CustomerCategoryView> Categories { get; set; } = [];
}

[GenerateSerializer]
public sealed class CustomerCategoryHistoryView
{
    [Id(0)] public Guid CustomerId { get; set; }
    [Id(1)] public List<CategoryHistoryView> Categories { get; set; } = [];
}

[GenerateSerializer]
public sealed class CategoryHistoryView
{
    [Id(0)] public int Id { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public List<CategoryHistoricalValue> HistoricalValues { get; set; } = [];
}

/// <summary>One value a customer had for a category; <see cref="EndDate"/> is null while it still has it.</summary>
[GenerateSerializer]
public sealed class CategoryHistoricalValue
{
    // A null value is history too (the association existed), so it is written out rather than left away.
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [Id(0)] public string? Value { get; set; }

    [Id(1), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Description { get; set; }
    [Id(2), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Reason { get; set; }
    [Id(3)] public DateTime CreateDate { get; set; }
    [Id(4)] public DateTime? EndDate { get; set; }
    [Id(5)] public DateTime LastModifiedDate { get; set; }
    [Id(6)] public string ModifiedBy { get; set; } = "";
}
