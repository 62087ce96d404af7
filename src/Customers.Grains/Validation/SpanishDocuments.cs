namespace Customers.Grains.Validation;

/// <summary>Control characters of Spanish identity documents (NIF, NIE, CIF) and passport shape.</summary>
public static class SpanishDocuments
{
    private const string NifLetters = "TRWAGMYFPDXBNJZSQVHLCKE";
    private const string CifOrganisationLetters = "ABCDEFGHJKLMNPQRSUVW";
    private const string CifControlLetters = "JABCDEFGHI";

    public static string Normalize(string number) => number.Trim().ToUpperInvariant();

    public static bool IsValidNif(string number)
    {
        if (number.Length != 9 || !AllDigits(number.AsSpan(0, 8)))
        {
            return false;
        }

        return number[8] == NifLetters[int.Parse(number.AsSpan(0, 8)) % 23];
    }

    public static bool IsValidNie(string number)
    {
        if (number.Length != 9)
        {
            return false;
        }

        var prefix = number[0] switch { 'X' => '0', 'Y' => '1', 'Z' => '2', _ => '\0' };
        return prefix != '\0' && IsValidNif(prefix + number[1..]);
    }

    public static bool IsValidCif(string number)
    {
        if (number.Length != 9 || !CifOrganisationLetters.Contains(number[0]) || !AllDigits(number.AsSpan(1, 7)))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            var digit = number[1 + i] - '0';
            // Positions 1, 3, 5, 7 (odd, 1-based) are doubled and their digits added.
            sum += i % 2 == 0 ? (digit * 2 / 10) + (digit * 2 % 10) : digit;
        }

        var controlDigit = (10 - (sum % 10)) % 10;
        var controlLetter = CifControlLetters[controlDigit];
        var control = number[8];
        return number[0] switch
        {
            // Public bodies, foreign and non-profit entities carry a letter; companies a digit.
            'P' or 'Q' or 'R' or 'S' or 'N' or 'W' => control == controlLetter,
            'A' or 'B' or 'E' or 'H' => control == (char)('0' + controlDigit),
            _ => control == controlLetter || control == (char)('0' + controlDigit),
        };
    }

    public static bool IsValidPassport(string number) =>
        number.Length is >= 5 and <= 20 && number.All(char.IsAsciiLetterOrDigit);

    public static bool IsValid(string type, string number) => type switch
    {
        IdentityDocumentTypes.Nif => IsValidNif(number),
        IdentityDocumentTypes.Nie => IsValidNie(number),
        IdentityDocumentTypes.Cif => IsValidCif(number),
        IdentityDocumentTypes.Passport => IsValidPassport(number),
        _ => false,
    };

    private static bool AllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
