using System.Text.Json.Serialization;

namespace Customers.Grains.Customers;

public sealed partial class CustomerState
{
    /// <summary>Every category the customer ever had, held now or not, with the history of its values.</summary>
    [Id(30)] public List<CustomerCategoryState> Categories { get; set; } = [];

    [Id(31)] public string? SpecialTreatment { get; set; }

    /// <summary>Bounds every history list before a write; an open (current) entry is the newest, so it stays.</summary>
    public void TrimHistories()
    {
        foreach (var category in Categories)
        {
            Histories.KeepNewest(category.History);
        }

        Histories.KeepNewest(IdentificationProcesses);
    }
}

[GenerateSerializer]
public sealed class CustomerCategoryState
{
    [Id(0)] public int Id { get; set; }

    /// <summary>Kept here so the history still names a category the catalogue has deleted.</summary>
    [Id(1), JsonConverter(typeof(SharedCode))] public string Name { get; set; } = "";

    /// <summary>When the customer took the category it holds now; null when it does not hold it.</summary>
    [Id(2)] public DateTime? HeldSince { get; set; }

    /// <summary>Oldest first; while the category is held the last entry is the open one.</summary>
    [Id(3)] public List<CategoryValueRecord> History { get; set; } = [];

    public CategoryValueRecord? CurrentValue() => HeldSince is null ? null : History[^1];

    public void End(DateTime at, string actor)
    {
        if (CurrentValue() is { } current)
        {
            current.EndedAt = at < current.CreatedAt ? current.CreatedAt : at;
            current.LastModifiedAt = current.EndedAt.Value;
            current.ModifiedBy = actor;
        }

        HeldSince = null;
    }
}

[GenerateSerializer]
public sealed class CategoryValueRecord
{
    [Id(0), JsonConverter(typeof(SharedCode))] public string? Value { get; set; }
    [Id(1)] public string? Description { get; set; }
    [Id(2)] public string? Reason { get; set; }
    [Id(3)] public DateTime CreatedAt { get; set; }
    [Id(4)] public DateTime? EndedAt { get; set; }
    [Id(5)] public DateTime LastModifiedAt { get; set; }
    [Id(6), JsonConverter(typeof(SharedCode))] public string ModifiedBy { get; set; } = "";
}
