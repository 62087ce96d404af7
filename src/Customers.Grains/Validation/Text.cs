using System.Globalization;
using System.Text;

namespace Customers.Grains.Validation;

/// <summary>Unicode handling of values compared for identity (e-mails, usernames).</summary>
public static class Text
{
    /// <summary>The NFC form; a string that is not valid UTF-16 (a lone surrogate) is returned as is and fails later checks.</summary>
    public static string? Nfc(string? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return value;
        }
    }

    /// <summary>
    /// The characters of a value as the contract counts them: Unicode code points, so a character
    /// outside the basic plane (an emoji, a rare CJK ideograph) counts once, not as its two UTF-16 units.
    /// </summary>
    public static int Characters(string value)
    {
        var count = value.Length;
        for (var i = 0; i < value.Length - 1; i++)
        {
            if (char.IsSurrogatePair(value[i], value[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    /// <summary>The first <paramref name="max"/> characters (code points); never ends inside a surrogate pair.</summary>
    public static string Cut(string value, int max)
    {
        if (value.Length <= max)
        {
            return value;
        }

        var units = 0;
        for (var taken = 0; taken < max && units < value.Length; taken++)
        {
            units += units + 1 < value.Length && char.IsSurrogatePair(value[units], value[units + 1]) ? 2 : 1;
        }

        return value[..units];
    }

    /// <summary>Control (Cc, NUL among them), format (Cf) or lone-surrogate characters; spaces are not.</summary>
    public static bool HasControlOrFormat(string value) =>
        HasAny(value, c => c is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate);

    /// <summary>
    /// Control (Cc), format (Cf, e.g. U+200B, and those past U+FFFF such as the tag characters),
    /// separator or lone-surrogate characters.
    /// </summary>
    public static bool HasInvisibleOrSpace(string value) =>
        HasAny(value, c => c is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);

    private static bool HasAny(string value, Func<UnicodeCategory, bool> matches)
    {
        for (var i = 0; i < value.Length; i++)
        {
            // A pair is judged as the one character it encodes; a lone surrogate is categorised as such.
            var category = char.IsSurrogatePair(value, i)
                ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(value[i], value[++i]))
                : CharUnicodeInfo.GetUnicodeCategory(value[i]);
            if (matches(category))
            {
                return true;
            }
        }

        return false;
    }
}
