namespace Customers;

[GenerateSerializer]
public sealed class IdentityDocument
{
    [Id(0)] public string? Number { get; set; }
    [Id(1)] public string? Type { get; set; }
}

public static class IdentityDocumentTypes
{
    public const string Nif = "NIF";
    public const string Nie = "NIE";
    public const string Cif = "CIF";
    public const string Passport = "PASSPORT";
}
