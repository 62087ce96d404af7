namespace Customers.Tests.Grains;

/// <summary>Valid requests the tests vary one field at a time.</summary>
public static class Requests
{
    /// <summary>A valid NIF no other test uses.</summary>
    public static string UniqueNif() => Infrastructure.Bodies.UniqueNif();

    public static string UniqueNie() => Infrastructure.Bodies.UniqueNie();

    public static CreateCustomerRequest Private(string? nif = null, string type = IdentityDocumentTypes.Nif) => new()
    {
        Type = CustomerTypes.Private,
        PreferredLanguage = "es",
        Segment = "CONSUMER",
        ContactInfo = new ContactInfo
        {
            PhoneNumbers = [new PhoneNumber { CountryCode = "+34", Number = "615667898", Type = "MOBILE", IsDefault = true }],
            Emails = [new EmailAddress { Email = "email@example.com", IsDefault = true }],
            PostalAddress = new Address
            {
                AddressLines = ["Calle Mayor 2, 3º A"],
                PostalCode = "28039",
                Locality = "Fuenlabrada",
                AdministrativeArea = "Madrid",
                RegionCode = "ES",
            },
        },
        PersonalInfo = new PersonalInfo
        {
            IdentityDocument = new IdentityDocument { Number = nif ?? UniqueNif(), Type = type },
            Name = "Antonio",
            FirstSurname = "Benavente",
            SecondSurname = "Blanco",
            Gender = "MALE",
            Nationality = "ES",
            Birthdate = "1980-01-01",
        },
    };

    public static CreateCustomerRequest Digital(string email) => new()
    {
        Type = CustomerTypes.Digital,
        PreferredLanguage = "en",
        DigitalPersonalInfo = new DigitalPersonalInfo { Email = email, Name = "Ana" },
    };
}
