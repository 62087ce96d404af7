using System.Text.Json.Serialization;

namespace Customers;

[GenerateSerializer]
public sealed class ContactInfo
{
    [Id(0)] public List<PhoneNumber>? PhoneNumbers { get; set; }
    [Id(1)] public List<EmailAddress>? Emails { get; set; }
    /// <summary>Null when there is none; a read lists it either way, as it lists the two lists.</summary>
    [Id(2), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public Address? PostalAddress { get; set; }
}

[GenerateSerializer]
public sealed class PhoneNumber
{
    [Id(0)] public string? CountryCode { get; set; }
    [Id(1)] public string? Number { get; set; }
    [Id(2)] public string? Type { get; set; }
    [Id(3)] public bool? IsDefault { get; set; }
}

[GenerateSerializer]
public sealed class EmailAddress
{
    [Id(0)] public string? Email { get; set; }
    [Id(1)] public bool? IsDefault { get; set; }
}
