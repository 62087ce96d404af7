using System.Text.Json.Serialization;

namespace Customers;

[GenerateSerializer]
public sealed class PersonalInfo
{
    [Id(0)] public IdentityDocument? IdentityDocument { get; set; }
    [Id(1)] public string? Name { get; set; }
    [Id(2)] public string? FirstSurname { get; set; }

    /// <summary>0..50 characters: null when not given, and shown either way.</summary>
    [Id(3), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? SecondSurname { get; set; }
    [Id(4)] public string? Gender { get; set; }
    [Id(5)] public string? Nationality { get; set; }
    [Id(6)] public string? Birthdate { get; set; }
}

[GenerateSerializer]
public sealed class CompanyInfo
{
    [Id(0)] public IdentityDocument? IdentityDocument { get; set; }
    [Id(1)] public string? Name { get; set; }
    [Id(2)] public List<AssociatedUser>? AssociatedUsers { get; set; }
}

[GenerateSerializer]
public sealed class AssociatedUser
{
    [Id(0)] public IdentityDocument? IdentityDocument { get; set; }
    [Id(1)] public string? Role { get; set; }
    [Id(2)] public string? Name { get; set; }
    [Id(3)] public string? FirstSurname { get; set; }
    [Id(4)] public string? SecondSurname { get; set; }
    [Id(5)] public string? Nationality { get; set; }
    [Id(6)] public ContactInfo? ContactInfo { get; set; }
}

[GenerateSerializer]
public sealed class DigitalPersonalInfo
{
    [Id(0)] public string? Email { get; set; }
    [Id(1)] public string? Name { get; set; }
    [Id(2)] public string? FirstSurname { get; set; }
}

public static class CustomerTypes
{
    public const string Private = "PRIVATE_CUSTOMER";
    public const string Corporate = "CORPORATE_CUSTOMER";
    public const string Digital = "DIGITAL_CUSTOMER";
}
