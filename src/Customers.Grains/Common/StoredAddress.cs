using System.Text.Json.Serialization;

namespace Customers.Grains;

/// <summary>
/// An address as stored: a postal address, or a billing address with its <see cref="StateId"/>.
/// Stored types pin their JSON names, apart from the API's shapes, so renaming an API field never
/// renames stored data; rows are read back through these names only.
/// </summary>
[GenerateSerializer]
public sealed class StoredAddress
{
    [Id(0), JsonPropertyName("address_lines")] public List<string>? AddressLines { get; set; }
    [Id(1), JsonPropertyName("postal_code")] public string? PostalCode { get; set; }
    [Id(2), JsonPropertyName("locality")] public string? Locality { get; set; }
    [Id(3), JsonPropertyName("administrative_area"), JsonConverter(typeof(SharedCode))] public string? AdministrativeArea { get; set; }
    [Id(4), JsonPropertyName("region_code"), JsonConverter(typeof(SharedCode))] public string? RegionCode { get; set; }
    [Id(5), JsonPropertyName("state_id")] public string? StateId { get; set; }

    public static StoredAddress? From(Address? address) => address is null ? null : new()
    {
        AddressLines = address.AddressLines is null ? null : [.. address.AddressLines],
        PostalCode = address.PostalCode,
        Locality = address.Locality,
        AdministrativeArea = address.AdministrativeArea,
        RegionCode = address.RegionCode,
        StateId = (address as BillingAddress)?.StateId,
    };

    public Address ToPostal() => Fill(new Address());

    public BillingAddress ToBilling()
    {
        var billing = Fill(new BillingAddress());
        billing.StateId = StateId;
        return billing;
    }

    private T Fill<T>(T address) where T : Address
    {
        address.AddressLines = AddressLines is null ? null : [.. AddressLines];
        address.PostalCode = PostalCode;
        address.Locality = Locality;
        address.AdministrativeArea = AdministrativeArea;
        address.RegionCode = RegionCode;
        return address;
    }
}
