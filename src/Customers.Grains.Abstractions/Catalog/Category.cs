namespace Customers;

/// <summary>One category of an org's catalogue, as the API shows it.</summary>
[GenerateSerializer]
public sealed class Category
{
    [Id(0)] public int Id { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string? Description { get; set; }
    [Id(3)] public List<string>? ValidValues { get; set; }
}
