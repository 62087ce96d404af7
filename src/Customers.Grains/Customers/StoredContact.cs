using System.Text.Json.Serialization;

namespace Customers.Grains.Customers;

/// <summary>A customer's (or associated user's) contact details as stored; see <see cref="StoredAddress"/> on names.</summary>
[GenerateSerializer]
public sealed class StoredContact
{
    [Id(0), JsonPropertyName("phone_numbers")] public List<StoredPhone>? PhoneNumbers { get; set; }
    [Id(1), JsonPropertyName("emails")] public List<StoredEmail>? Emails { get; set; }
    [Id(2), JsonPropertyName("postal_address")] public StoredAddress? PostalAddress { get; set; }

    public static StoredContact? From(ContactInfo? contact) => contact is null ? null : new()
    {
        PhoneNumbers = StoredPhone.From(contact.PhoneNumbers),
        Emails = StoredEmail.From(contact.Emails),
        PostalAddress = StoredAddress.From(contact.PostalAddress),
    };

    public ContactInfo ToWire() => new()
    {
        PhoneNumbers = PhoneNumbers?.ConvertAll(p => p.ToWire()) ?? [],
        Emails = Emails?.ConvertAll(e => e.ToWire()) ?? [],
        PostalAddress = PostalAddress?.ToPostal(),
    };
}

[GenerateSerializer]
public sealed class StoredPhone
{
    [Id(0), JsonPropertyName("country_code"), JsonConverter(typeof(SharedCode))] public string? CountryCode { get; set; }
    [Id(1), JsonPropertyName("number")] public string? Number { get; set; }
    [Id(2), JsonPropertyName("type"), JsonConverter(typeof(SharedCode))] public string? Type { get; set; }
    [Id(3), JsonPropertyName("is_default")] public bool? IsDefault { get; set; }

    public static List<StoredPhone>? From(List<PhoneNumber>? phones) =>
        phones?.ConvertAll(p => new StoredPhone { CountryCode = p.CountryCode, Number = p.Number, Type = p.Type, IsDefault = p.IsDefault });

    public PhoneNumber ToWire() => new() { CountryCode = CountryCode, Number = Number, Type = Type, IsDefault = IsDefault };
}

[GenerateSerializer]
public sealed class StoredEmail
{
    [Id(0), JsonPropertyName("email")] public string? Email { get; set; }
    [Id(1), JsonPropertyName("is_default")] public bool? IsDefault { get; set; }

    public static List<StoredEmail>? From(List<EmailAddress>? emails) =>
        emails?.ConvertAll(e => new StoredEmail { Email = e.Email, IsDefault = e.IsDefault });

    public EmailAddress ToWire() => new() { Email = Email, IsDefault = IsDefault };
}
