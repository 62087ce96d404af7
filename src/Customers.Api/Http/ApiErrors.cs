namespace Customers.Api.Http;

/// <summary>Every failure the API answers, in the contract's envelope with its code and title.</summary>
public static class ApiErrors
{
    private const string Ref = "http://";

    public static IResult BadRequest(string message) => BadRequest([message]);

    public static IResult BadRequest(IEnumerable<string> messages) =>
        Envelope(StatusCodes.Status400BadRequest, "MCUS.999.998", "Bad request", messages);

    public static IResult Invalid(IEnumerable<FieldError> errors) =>
        BadRequest(errors.Select(e => $"{e.Field}: {e.Message}"));

    public static IResult Unauthorized(string message = "missing or unknown API key") =>
        Envelope(StatusCodes.Status401Unauthorized, "MCUS.999.996", "Unauthorized", [message]);

    public static IResult Forbidden(string message) =>
        Envelope(StatusCodes.Status403Forbidden, "MCUS.999.995", "Forbidden", [message]);

    public static IResult NotFound(string message = "resource not found") =>
        Envelope(StatusCodes.Status404NotFound, "MCUS.999.997", "Resource not found", [message]);

    public static IResult MethodNotAllowed(string message = "method not allowed") =>
        Envelope(StatusCodes.Status405MethodNotAllowed, "MCUS.999.993", "Method not allowed", [message]);

    public static IResult Conflict(string message) =>
        Envelope(StatusCodes.Status409Conflict, "MCUS.999.994", "Conflict", [message]);

    public static IResult PayloadTooLarge(long limit) => PayloadTooLarge($"body: must be at most {limit} bytes");

    /// <summary>413 in the envelope, with the bad-request code: the contract names no other.</summary>
    public static IResult PayloadTooLarge(string message) =>
        Envelope(StatusCodes.Status413PayloadTooLarge, "MCUS.999.998", "Bad request", [message]);

    public static IResult TooManyRequests() =>
        Envelope(StatusCodes.Status429TooManyRequests, "MCUS.999.992", "Too many requests", ["too many requests: retry after the time in Retry-After"]);

    public static IResult Unexpected() =>
        Envelope(StatusCodes.Status500InternalServerError, "MCUS.999.999", "Unexpected error", ["unexpected error"]);

    public static IResult DatabaseUnavailable() =>
        Envelope(StatusCodes.Status503ServiceUnavailable, "MCUS.001.005", "Database error", ["connection lost"]);

    public static IResult StorageUnreachable() =>
        Envelope(StatusCodes.Status503ServiceUnavailable, "MCUS.001.005", "Database error", ["storage unreachable: the cluster member holding the data was lost; retry"]);

    public static IResult DatabaseTimeout() =>
        Envelope(StatusCodes.Status504GatewayTimeout, "MCUS.001.009", "Database error", ["statement timeout"]);

    public static IResult For(Outcome outcome) => For(outcome.Status, outcome.Errors, outcome.Message);

    public static IResult For<T>(Outcome<T> outcome) => For(outcome.Status, outcome.Errors, outcome.Message);

    private static IResult For(OutcomeStatus status, FieldError[] errors, string? message) => status switch
    {
        OutcomeStatus.Invalid => Invalid(errors),
        OutcomeStatus.NotFound => NotFound(message ?? "resource not found"),
        OutcomeStatus.Conflict => Conflict(message ?? "conflict"),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a failure"),
    };

    private static IResult Envelope(int status, string code, string title, IEnumerable<string> messages) =>
        JsonAnswer.Status(status, new ErrorEnvelope(messages.Select(m => new ErrorEntry(new ErrorDetail(code, title, Ref, m))).ToList()));
}
