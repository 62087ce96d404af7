namespace Customers.Grains.Catalog;

/// <summary>
/// One bucket of the holders of a catalogue scope, as stored (plain snake_case JSON, see
/// <c>CustomerState</c>). Who holds what rather than bare counts: a repeated report changes
/// nothing, a deleted category can be ended on each holder, and a holder can be asked whether it
/// still holds.
/// </summary>
[GenerateSerializer]
public sealed class CatalogHoldersState
{
    /// <summary>Customer id → the value it holds or is taking (null: held without a value).</summary>
    [Id(0)] public Dictionary<Guid, string?> Holders { get; set; } = [];

    /// <summary>Customer id → the value it held before a change of value not yet known to be stored.</summary>
    [Id(1)] public Dictionary<Guid, string> Leaving { get; set; } = [];

    public bool HasNone() => Holders.Count == 0 && Leaving.Count == 0;
}
