namespace Customers.Grains.Validation;

/// <summary>
/// Rules of the shapes shared by several resources (contract §2). They check the normal form
/// (<see cref="Normalize(ContactInfo?)"/> and its siblings) and change nothing.
/// </summary>
public static partial class SharedRules
{
    public const int EmailMaxLength = 82;

    /// <summary>Free text the contract gives no limit of its own is at most this long (§12).</summary>
    public const int MaxFreeText = 255;

    public static void Address(Violations v, Address? address, string path, bool required)
    {
        if (address is null)
        {
            if (required)
            {
                v.Add(path, "is required");
            }

            return;
        }

        if (address.AddressLines is null || address.AddressLines.Count is < 1 or > 3)
        {
            v.Add($"{path}.address_lines", "must have between 1 and 3 items");
        }
        else
        {
            for (var i = 0; i < address.AddressLines.Count; i++)
            {
                var field = $"{path}.address_lines[{i}]";
                var line = v.Text(address.AddressLines[i], field, 1, 100, required: true);
                if (line is not null && line.Contains("undefined", StringComparison.OrdinalIgnoreCase))
                {
                    v.Add(field, "must not contain 'undefined'");
                }
            }
        }

        v.Matches(address.PostalCode, $"{path}.postal_code", Patterns.SpanishPostalCode(), "must be a Spanish postal code (01000-52999)", required: true);
        v.Text(address.Locality, $"{path}.locality", 2, 255, required: true);
        v.Text(address.AdministrativeArea, $"{path}.administrative_area", 4, 50, required: true);
        v.Matches(address.RegionCode, $"{path}.region_code", Patterns.CountryAlpha2(), "must be an ISO 3166-1 alpha-2 code", required: true);
    }

    /// <summary>Checks the document's type against <paramref name="allowedTypes"/> and its control character.</summary>
    public static void IdentityDocument(Violations v, IdentityDocument? document, string path, params string[] allowedTypes)
    {
        if (document is null)
        {
            v.Add(path, "is required");
            return;
        }

        var type = v.OneOf(document.Type, $"{path}.type", required: true, allowedTypes);
        if (document.Number is null)
        {
            v.Add($"{path}.number", "is required");
            return;
        }

        if (type is not null && allowedTypes.Contains(type) && !SpanishDocuments.IsValid(type, SpanishDocuments.Normalize(document.Number)))
        {
            v.Add($"{path}.number", $"is not a valid {type}");
        }
    }

    public static void ContactInfo(Violations v, ContactInfo? contact, string path, bool required, bool requireReachable)
    {
        if (contact is null)
        {
            if (required)
            {
                v.Add(path, "is required");
            }

            return;
        }

        if (contact.PhoneNumbers is { Count: > 5 })
        {
            v.Add($"{path}.phone_numbers", "must have at most 5 items");
        }

        if (contact.Emails is { Count: > 5 })
        {
            v.Add($"{path}.emails", "must have at most 5 items");
        }

        if (requireReachable && (contact.PhoneNumbers?.Count ?? 0) == 0 && (contact.Emails?.Count ?? 0) == 0)
        {
            v.Add(path, "must have at least one phone number or e-mail");
        }

        for (var i = 0; i < (contact.PhoneNumbers?.Count ?? 0); i++)
        {
            Phone(v, contact.PhoneNumbers![i], $"{path}.phone_numbers[{i}]");
        }

        for (var i = 0; i < (contact.Emails?.Count ?? 0); i++)
        {
            var field = $"{path}.emails[{i}].email";
            var email = contact.Emails![i];
            if (email is null)
            {
                v.Add($"{path}.emails[{i}]", "is required");
                continue;
            }

            Email(v, email.Email, field, required: true);
        }

        SingleDefault(v, contact.PhoneNumbers?.Select(p => p?.IsDefault), $"{path}.phone_numbers");
        SingleDefault(v, contact.Emails?.Select(e => e?.IsDefault), $"{path}.emails");
        Address(v, contact.PostalAddress, $"{path}.postal_address", required: false);
    }

    /// <summary>
    /// An e-mail or username, checked in its normal form (<see cref="NormalizeEmail"/>), which it
    /// returns: NFC-normalised before anything else, so every spelling of one address is one value for
    /// validation, comparison, storage and uniqueness; invisible and space characters are refused
    /// rather than stripped, because two strings that look alike must not be two owners.
    /// </summary>
    public static string? Email(Violations v, string? email, string field, bool required)
    {
        // Not trimmed: a space or a line break around the address is in it, and refused like any other.
        var value = Text.Nfc(email);
        if (v.Text(value, field, 1, EmailMaxLength, required) is null)
        {
            return null;
        }

        if (VisibleWithoutSpaces(v, value!, field) && value!.Length is > 0 and <= EmailMaxLength && !Patterns.IsEmail(value))
        {
            v.Add(field, "must be a valid e-mail address");
        }

        return value;
    }

    /// <summary>
    /// §12 for e-mails and usernames: no control, format or space characters, around the value or in
    /// it. Adds the violation and answers false when there are.
    /// </summary>
    public static bool VisibleWithoutSpaces(Violations v, string value, string field)
    {
        if (!Text.HasInvisibleOrSpace(value))
        {
            return true;
        }

        v.Add(field, "must not contain control, format or space characters");
        return false;
    }

    public static string? Nationality(Violations v, string? nationality, string field, bool required) =>
        v.Matches(nationality, field, Patterns.CountryAlpha2(), "must be an ISO 3166-1 alpha-2 code", required);

    private static void Phone(Violations v, PhoneNumber? phone, string path)
    {
        if (phone is null)
        {
            v.Add(path, "is required");
            return;
        }

        var countryCode = phone.CountryCode;
        var number = phone.Number;
        if (countryCode is null)
        {
            v.Add($"{path}.country_code", "is required");
        }
        else if (!Patterns.IsAssignedCallingCode(countryCode))
        {
            v.Add($"{path}.country_code", "must be an assigned country calling code like +34");
        }

        if (number is null)
        {
            v.Add($"{path}.number", "is required");
        }
        else if (!Patterns.PhoneDigits().IsMatch(number))
        {
            v.Add($"{path}.number", "must have between 6 and 15 digits");
        }
        else if (countryCode == "+34" && number.Length != 9)
        {
            v.Add($"{path}.number", "must have 9 digits for +34");
        }

        v.OneOf(phone.Type, $"{path}.type", required: true, "MOBILE", "LANDLINE");
    }

    private static void SingleDefault(Violations v, IEnumerable<bool?>? defaults, string path)
    {
        if (defaults is not null && defaults.Count(d => d == true) > 1)
        {
            v.Add(path, "must have at most one item with is_default true");
        }
    }
}
