namespace Customers;

/// <summary>How many customers currently hold each value of an org's catalogue.</summary>
[GenerateSerializer]
public sealed class CatalogUsage
{
    /// <summary>Per category id, the count of holders of each non-null value.</summary>
    [Id(0)] public Dictionary<int, Dictionary<string, int>> Categories { get; set; } = [];

    [Id(1)] public Dictionary<string, int> SpecialTreatment { get; set; } = [];
}
