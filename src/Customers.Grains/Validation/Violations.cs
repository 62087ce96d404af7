using System.Globalization;
using System.Text.RegularExpressions;

namespace Customers.Grains.Validation;

/// <summary>Collects every violated rule of a request, each under its JSON field path.</summary>
public sealed class Violations
{
    private readonly List<FieldError> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<FieldError> Errors => _errors;

    /// <summary>Records a violation; a path built under the root (<c>"" + ".field"</c>) is named from the root.</summary>
    public void Add(string field, string message) => _errors.Add(new FieldError(field.StartsWith('.') ? field[1..] : field, message));

    public Outcome ToOutcome() => Any ? Outcome.Invalid(_errors) : Outcome.Ok;

    /// <summary>Checks a required text's presence and length; returns the trimmed value or null.</summary>
    public string? Text(string? value, string field, int min, int max, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, "is required");
            }

            return null;
        }

        var trimmed = value.Trim();
        var characters = Validation.Text.Characters(trimmed);
        if (characters < min || characters > max)
        {
            Add(field, min == max ? $"must have {min} characters" : $"must have between {min} and {max} characters");
        }

        return trimmed;
    }

    public string? OneOf(string? value, string field, bool required, params string[] allowed)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, "is required");
            }

            return null;
        }

        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            Add(field, $"must be one of {string.Join(", ", allowed)}");
        }

        return value;
    }

    public string? Matches(string? value, string field, Regex pattern, string rule, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, "is required");
            }

            return null;
        }

        if (!pattern.IsMatch(value))
        {
            Add(field, rule);
        }

        return value;
    }

    /// <summary>A <c>yyyy-MM-dd</c> date; returns it normalised, or null.</summary>
    public DateOnly? Date(string? value, string field, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, "is required");
            }

            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Add(field, "must be a date in yyyy-MM-dd format");
            return null;
        }

        return date;
    }
}
