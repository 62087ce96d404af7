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

    /// <summary>Control (Cc), format (Cf, e.g. U+200B), separator or lone-surrogate characters.</summary>
    public static bool HasInvisibleOrSpace(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsSurrogatePair(value, i))
            {
                i++;
                continue;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(value[i]))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.SpaceSeparator:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.Surrogate:
                    return true;
            }
        }

        return false;
    }
}
