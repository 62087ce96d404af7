using System.Text.Json.Serialization;
using Customers.Grains.Events;

namespace Customers.Grains.Catalog;

/// <summary>
/// An org's catalogue as stored (plain snake_case JSON, see <c>CustomerState</c>). Only the
/// catalogue itself: who holds which value is kept by the holder buckets
/// (<see cref="CatalogHoldersState"/>), so this row does not grow with the customers.
/// </summary>
[GenerateSerializer]
public sealed class TenantCatalogState : IHasOutbox
{
    /// <summary>Events of the change being written; the storage moves them into the event log.</summary>
    [Id(90), JsonPropertyOrder(EventOutbox.LastProperty)] public List<RecordedEvent>? Outbox { get; set; }

    [Id(0)] public List<CategoryRecord> Categories { get; set; } = [];
    [Id(1)] public List<string> SpecialTreatmentValues { get; set; } = [];

    /// <summary>Deleted categories whose holders have not all been told yet.</summary>
    [Id(3)] public List<PendingCategoryEnd> PendingEnds { get; set; } = [];
}

[GenerateSerializer]
public sealed class CategoryRecord
{
    [Id(0)] public int Id { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string? Description { get; set; }
    [Id(3)] public List<string>? ValidValues { get; set; }

    public bool Allows(string? value) =>
        value is null || ValidValues is not { Count: > 0 } || ValidValues.Contains(value, StringComparer.Ordinal);

    public Category ToView() => new()
    {
        Id = Id,
        Name = Name,
        Description = Description,
        ValidValues = ValidValues is null ? null : [.. ValidValues],
    };
}

[GenerateSerializer]
public sealed class PendingCategoryEnd
{
    [Id(0)] public int CategoryId { get; set; }
    [Id(1)] public DateTime EndedAt { get; set; }
    [Id(2)] public string Actor { get; set; } = "";
}
