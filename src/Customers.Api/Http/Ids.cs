using System.Diagnostics.CodeAnalysis;

namespace Customers.Api.Http;

public static class Ids
{
    /// <summary>Parses a path id; a malformed one is the contract's 400, naming the parameter.</summary>
    public static bool TryParse(string raw, string field, out Guid id, [NotNullWhen(false)] out IResult? error)
    {
        if (Uuids.TryParse(raw, out id))
        {
            error = null;
            return true;
        }

        error = ApiErrors.BadRequest($"{field}: must be a UUID");
        return false;
    }

    /// <summary>What <paramref name="answer"/> makes of the parsed path id, or the 400 of a malformed one.</summary>
    public static Task<IResult> With(string raw, string field, Func<Guid, Task<IResult>> answer) =>
        TryParse(raw, field, out var id, out var error) ? answer(id) : Task.FromResult<IResult>(error);
}
