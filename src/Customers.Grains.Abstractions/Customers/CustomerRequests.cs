namespace Customers;

[GenerateSerializer]
public sealed class CreateCustomerRequest
{
    [Id(0)] public string? Type { get; set; }
    [Id(1)] public string? PreferredLanguage { get; set; }
    [Id(2)] public string? Segment { get; set; }
    [Id(3)] public ContactInfo? ContactInfo { get; set; }
    [Id(4)] public PersonalInfo? PersonalInfo { get; set; }
    [Id(5)] public CompanyInfo? CompanyInfo { get; set; }
    [Id(6)] public DigitalPersonalInfo? DigitalPersonalInfo { get; set; }
}

[GenerateSerializer]
public sealed class PatchCustomerRequest
{
    [Id(0)] public string? PreferredLanguage { get; set; }
    [Id(1)] public ContactInfo? ContactInfo { get; set; }
    [Id(2)] public PatchPersonalInfo? PersonalInfo { get; set; }
    [Id(3)] public PatchCompanyInfo? CompanyInfo { get; set; }
    [Id(4)] public PatchDigitalPersonalInfo? DigitalPersonalInfo { get; set; }
}

[GenerateSerializer]
public sealed class PatchPersonalInfo
{
    [Id(0)] public string? Name { get; set; }
    [Id(1)] public string? FirstSurname { get; set; }
    [Id(2)] public string? SecondSurname { get; set; }
    [Id(3)] public string? Gender { get; set; }
    [Id(4)] public string? Nationality { get; set; }
    [Id(5)] public string? Birthdate { get; set; }
}

[GenerateSerializer]
public sealed class PatchCompanyInfo
{
    [Id(0)] public string? Name { get; set; }
}

[GenerateSerializer]
public sealed class PatchDigitalPersonalInfo
{
    [Id(0)] public string? Email { get; set; }
    [Id(1)] public string? Name { get; set; }
    [Id(2)] public string? FirstSurname { get; set; }
}

[GenerateSerializer]
public sealed class AssociatedUsersRequest
{
    [Id(0)] public List<AssociatedUser>? AssociatedUsers { get; set; }
}

[GenerateSerializer]
public sealed class ConvertNieToNifRequest
{
    [Id(0)] public string? Nif { get; set; }
}
