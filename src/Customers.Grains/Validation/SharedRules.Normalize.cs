namespace Customers.Grains.Validation;

/// <summary>
/// The normal form of the shared shapes: free texts trimmed, NFC e-mails, upper-case document numbers.
/// A value with a pattern is kept as given, so the pattern sees the whole of it (contract §12).
/// Each returns a copy and leaves its argument as it was.
/// </summary>
public static partial class SharedRules
{
    public static T? Normalize<T>(T? address)
        where T : Address
    {
        if (address is null)
        {
            return null;
        }

        var normal = Copy.Of(address);
        normal.AddressLines = address.AddressLines?.Select(l => l?.Trim()!).ToList();
        normal.Locality = address.Locality?.Trim();
        normal.AdministrativeArea = address.AdministrativeArea?.Trim();
        return normal;
    }

    public static IdentityDocument? Normalize(IdentityDocument? document)
    {
        if (document is null)
        {
            return null;
        }

        var normal = Copy.Of(document);
        normal.Number = document.Number is null ? null : SpanishDocuments.Normalize(document.Number);
        return normal;
    }

    public static ContactInfo? Normalize(ContactInfo? contact)
    {
        if (contact is null)
        {
            return null;
        }

        var normal = Copy.Of(contact);
        normal.PhoneNumbers = contact.PhoneNumbers?.Select(p => p is null ? p! : Copy.Of(p)).ToList();
        normal.Emails = contact.Emails?.Select(e => e is null ? e! : Normalize(e)).ToList();
        normal.PostalAddress = Normalize(contact.PostalAddress);
        return normal;
    }

    /// <summary>NFC: see <see cref="Email"/>.</summary>
    public static string? NormalizeEmail(string? email) => Text.Nfc(email);

    private static EmailAddress Normalize(EmailAddress email)
    {
        var normal = Copy.Of(email);
        normal.Email = NormalizeEmail(email.Email);
        return normal;
    }
}
