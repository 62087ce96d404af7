using Customers.Api.Auth;
using Customers.Api.Http;

namespace Customers.Api.OpenApi;

/// <summary>
/// Which error statuses an endpoint can answer, derived from what it is: every route under an org
/// validates <c>org_id</c> (400) and calls grains (500/503/504); a keyed endpoint can refuse the key
/// (401/403) and rate-limit it (429); a route naming an id can miss it (404). What only the endpoint
/// knows (409, a 404 without an id) it declares with <see cref="OperationMetadataExtensions.Answers"/>.
/// </summary>
public static class ErrorResponses
{
    public sealed record Error(int Status, string Code, string Title, string Meaning);

    public static IReadOnlyList<Error> All { get; } =
    [
        new(400, "MCUS.999.998", "Bad request", "Malformed JSON, a wrong type, a failed rule or a bad path or query parameter; one entry per violation, its message naming the field path."),
        new(401, "MCUS.999.996", "Unauthorized", "The X-API-Key header is missing or names no key."),
        new(403, "MCUS.999.995", "Forbidden", "The key lacks the permission, or is not allowed for this org."),
        new(404, "MCUS.999.997", "Resource not found", "No such resource in this org."),
        new(409, "MCUS.999.994", "Conflict", "A uniqueness or state conflict; the message says which."),
        new(413, "MCUS.999.998", "Bad request", "The request body is larger than the endpoint accepts."),
        new(429, "MCUS.999.992", "Too many requests", "The key (or, without a key, the client address) is over its rate limit; retry after the Retry-After header's seconds."),
        new(500, "MCUS.999.999", "Unexpected error", "Anything else; the body never holds a stack trace."),
        new(503, "MCUS.001.005", "Database error", "The database is unreachable or the connection was lost, or the silo holding the data was lost and the cluster has not yet moved it; retry."),
        new(504, "MCUS.001.009", "Database error", "A storage statement timed out."),
    ];

    public static Error Of(int status) => All.Single(e => e.Status == status);

    /// <summary>The statuses the endpoint can answer with the envelope, each with when it does.</summary>
    public static SortedDictionary<int, string> For(string routePattern, IReadOnlyList<object> metadata)
    {
        var statuses = new SortedDictionary<int, string>();
        void Add(int status, string? when = null) => statuses[status] = when ?? Of(status).Meaning;

        var underOrg = routePattern.Contains("{org_id}", StringComparison.Ordinal);
        if (underOrg)
        {
            Add(400);
            Add(500);
            Add(503);
            Add(504);
        }

        if (metadata.OfType<ResourcePermission>().Any())
        {
            Add(401);
            Add(403);
            Add(429);
        }

        if (NamesAnId(routePattern))
        {
            Add(404);
        }

        // An endpoint whose size limit answers in its own words (the upload: a 400 naming the file)
        // never sends the 413.
        if (underOrg && metadata.OfType<IHttpMethodMetadata>().Any(m => m.HttpMethods.Any(AcceptsBody))
            && !metadata.OfType<IOverLimitAnswer>().Any())
        {
            Add(413, "The request body is larger than 1 MiB.");
        }

        foreach (var answer in metadata.OfType<ErrorAnswer>())
        {
            Add(answer.Status, answer.When);
        }

        return statuses;
    }

    private static bool AcceptsBody(string method) => method is "POST" or "PUT" or "PATCH";

    private static bool NamesAnId(string routePattern) =>
        routePattern.Split('/').Any(segment => segment.StartsWith('{') && segment != "{org_id}");
}
