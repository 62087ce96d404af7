using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Customers.Api.Http;

namespace Customers.Api.Catalog;

public static class CategoryIds
{
    /// <summary>
    /// Parses a <c>category_id</c> path parameter: an int32 written as the service writes it (no sign
    /// but a minus, no leading zero), so one id has one path; else the contract's 400 naming it.
    /// </summary>
    public static bool TryParse(string raw, out int id, [NotNullWhen(false)] out IResult? error)
    {
        if (int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out id)
            && id.ToString(CultureInfo.InvariantCulture) == raw)
        {
            error = null;
            return true;
        }

        error = ApiErrors.BadRequest("category_id: must be an int32");
        return false;
    }

    /// <summary>What <paramref name="answer"/> makes of the parsed <c>category_id</c>, or the 400 of a malformed one.</summary>
    public static Task<IResult> With(string raw, Func<int, Task<IResult>> answer) =>
        TryParse(raw, out var id, out var error) ? answer(id) : Task.FromResult<IResult>(error);
}
