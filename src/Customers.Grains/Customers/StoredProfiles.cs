using System.Text.Json.Serialization;

namespace Customers.Grains.Customers;

/// <summary>An identity document as stored; see <see cref="StoredAddress"/> on names.</summary>
[GenerateSerializer]
public sealed class StoredIdentityDocument
{
    [Id(0), JsonPropertyName("number")] public string? Number { get; set; }
    [Id(1), JsonPropertyName("type"), JsonConverter(typeof(SharedCode))] public string? Type { get; set; }

    public static StoredIdentityDocument? From(IdentityDocument? document) =>
        document is null ? null : new() { Number = document.Number, Type = document.Type };

    public IdentityDocument ToWire() => new() { Number = Number, Type = Type };
}

/// <summary>A private customer's personal details as stored.</summary>
[GenerateSerializer]
public sealed class StoredPerson
{
    [Id(0), JsonPropertyName("identity_document")] public StoredIdentityDocument? IdentityDocument { get; set; }
    [Id(1), JsonPropertyName("name")] public string? Name { get; set; }
    [Id(2), JsonPropertyName("first_surname")] public string? FirstSurname { get; set; }
    [Id(3), JsonPropertyName("second_surname")] public string? SecondSurname { get; set; }
    [Id(4), JsonPropertyName("gender"), JsonConverter(typeof(SharedCode))] public string? Gender { get; set; }
    [Id(5), JsonPropertyName("nationality"), JsonConverter(typeof(SharedCode))] public string? Nationality { get; set; }
    [Id(6), JsonPropertyName("birthdate")] public string? Birthdate { get; set; }

    public static StoredPerson? From(PersonalInfo? person) => person is null ? null : new()
    {
        IdentityDocument = StoredIdentityDocument.From(person.IdentityDocument),
        Name = person.Name,
        FirstSurname = person.FirstSurname,
        SecondSurname = person.SecondSurname,
        Gender = person.Gender,
        Nationality = person.Nationality,
        Birthdate = person.Birthdate,
    };

    public PersonalInfo ToWire() => new()
    {
        IdentityDocument = IdentityDocument?.ToWire(),
        Name = Name,
        FirstSurname = FirstSurname,
        SecondSurname = SecondSurname,
        Gender = Gender,
        Nationality = Nationality,
        Birthdate = Birthdate,
    };
}

/// <summary>A corporate customer's company details as stored.</summary>
[GenerateSerializer]
public sealed class StoredCompany
{
    [Id(0), JsonPropertyName("identity_document")] public StoredIdentityDocument? IdentityDocument { get; set; }
    [Id(1), JsonPropertyName("name")] public string? Name { get; set; }
    [Id(2), JsonPropertyName("associated_users")] public List<StoredAssociatedUser>? AssociatedUsers { get; set; }

    public static StoredCompany? From(CompanyInfo? company) => company is null ? null : new()
    {
        IdentityDocument = StoredIdentityDocument.From(company.IdentityDocument),
        Name = company.Name,
        AssociatedUsers = StoredAssociatedUser.From(company.AssociatedUsers),
    };

    public CompanyInfo ToWire() => new()
    {
        IdentityDocument = IdentityDocument?.ToWire(),
        Name = Name,
        // The page shows company_info with associated_users: an empty list when there is none.
        AssociatedUsers = AssociatedUsers?.ConvertAll(u => u.ToWire()) ?? [],
    };
}

[GenerateSerializer]
public sealed class StoredAssociatedUser
{
    [Id(0), JsonPropertyName("identity_document")] public StoredIdentityDocument? IdentityDocument { get; set; }
    [Id(1), JsonPropertyName("role"), JsonConverter(typeof(SharedCode))] public string? Role { get; set; }
    [Id(2), JsonPropertyName("name")] public string? Name { get; set; }
    [Id(3), JsonPropertyName("first_surname")] public string? FirstSurname { get; set; }
    [Id(4), JsonPropertyName("second_surname")] public string? SecondSurname { get; set; }
    [Id(5), JsonPropertyName("nationality"), JsonConverter(typeof(SharedCode))] public string? Nationality { get; set; }
    [Id(6), JsonPropertyName("contact_info")] public StoredContact? ContactInfo { get; set; }

    public static List<StoredAssociatedUser>? From(List<AssociatedUser>? users) => users?.ConvertAll(u => new StoredAssociatedUser
    {
        IdentityDocument = StoredIdentityDocument.From(u.IdentityDocument),
        Role = u.Role,
        Name = u.Name,
        FirstSurname = u.FirstSurname,
        SecondSurname = u.SecondSurname,
        Nationality = u.Nationality,
        ContactInfo = StoredContact.From(u.ContactInfo),
    });

    public AssociatedUser ToWire() => new()
    {
        IdentityDocument = IdentityDocument?.ToWire(),
        Role = Role,
        Name = Name,
        FirstSurname = FirstSurname,
        SecondSurname = SecondSurname,
        Nationality = Nationality,
        ContactInfo = ContactInfo?.ToWire(),
    };
}

/// <summary>A digital customer's details as stored.</summary>
[GenerateSerializer]
public sealed class StoredDigitalProfile
{
    [Id(0), JsonPropertyName("email")] public string? Email { get; set; }
    [Id(1), JsonPropertyName("name")] public string? Name { get; set; }
    [Id(2), JsonPropertyName("first_surname")] public string? FirstSurname { get; set; }

    public static StoredDigitalProfile? From(DigitalPersonalInfo? digital) =>
        digital is null ? null : new() { Email = digital.Email, Name = digital.Name, FirstSurname = digital.FirstSurname };

    public DigitalPersonalInfo ToWire() => new() { Email = Email, Name = Name, FirstSurname = FirstSurname };
}
