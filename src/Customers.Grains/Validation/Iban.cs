using System.Text;

namespace Customers.Grains.Validation;

/// <summary>ISO 13616 IBAN check: a registered country, its length, and mod 97 = 1.</summary>
public static class Iban
{
    public static string Normalize(string iban) => iban.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    public static bool IsValid(string normalized)
    {
        if (normalized.Length is < 15 or > 34
            || !char.IsAsciiLetterUpper(normalized[0]) || !char.IsAsciiLetterUpper(normalized[1])
            || !char.IsAsciiDigit(normalized[2]) || !char.IsAsciiDigit(normalized[3])
            || !normalized.All(char.IsAsciiLetterOrDigit)
            || !IbanCountries.Fits(normalized))
        {
            return false;
        }

        var rearranged = new StringBuilder(normalized.Length * 2);
        foreach (var c in normalized.AsSpan(4))
        {
            Append(rearranged, c);
        }

        foreach (var c in normalized.AsSpan(0, 4))
        {
            Append(rearranged, c);
        }

        var remainder = 0;
        foreach (var digit in rearranged.ToString())
        {
            remainder = ((remainder * 10) + (digit - '0')) % 97;
        }

        return remainder == 1;
    }

    private static void Append(StringBuilder digits, char c)
    {
        if (char.IsAsciiDigit(c))
        {
            digits.Append(c);
        }
        else
        {
            digits.Append(c - 'A' + 10);
        }
    }
}
