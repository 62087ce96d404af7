namespace Customers;

/// <summary>A Spanish postal address (customer <c>postal_address</c>).</summary>
[GenerateSerializer]
public class Address
{
    [Id(0)] public List<string>? AddressLines { get; set; }
    [Id(1)] public string? PostalCode { get; set; }
    [Id(2)] public string? Locality { get; set; }
    [Id(3)] public string? AdministrativeArea { get; set; }
    [Id(4)] public string? RegionCode { get; set; }
}
