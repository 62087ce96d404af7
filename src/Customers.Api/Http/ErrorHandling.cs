using System.Data.Common;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;

namespace Customers.Api.Http;

/// <summary>Turns every exception into the contract's envelope; a stack trace never reaches the body.</summary>
public sealed partial class ErrorHandling(ILogger<ErrorHandling> logger) : IExceptionHandler
{
    private const string StatementTimeout = "57014";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var result = Classify(exception);
        if (result is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            result = ApiErrors.Unexpected();
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    private IResult? Classify(Exception exception)
    {
        if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return ApiErrors.PayloadTooLarge(BodySizeLimit.DefaultMaxBytes);
        }

        if (exception is BadHttpRequestException badRequest)
        {
            return ApiErrors.BadRequest(DescribeBadRequest(badRequest));
        }

        foreach (var inner in Chain(exception))
        {
            switch (inner)
            {
                case DbException { SqlState: StatementTimeout }:
                    logger.LogWarning("Database statement timeout: {Message}", inner.Message);
                    return ApiErrors.DatabaseTimeout();
                case DbException db when db.IsTransient || db.GetType().Name == "NpgsqlException":
                case SocketException:
                case TimeoutException when Chain(exception).Any(e => e is DbException):
                    logger.LogWarning("Database unavailable: {Message}", inner.Message);
                    return ApiErrors.DatabaseUnavailable();
                // The grain holding the data was on a silo that just died; once the cluster declares it
                // dead the grain comes back on another silo from what PostgreSQL holds, so a retry succeeds.
                case OrleansMessageRejectionException:
                    logger.LogWarning("Cluster member unreachable: {Message}", inner.Message);
                    return ApiErrors.StorageUnreachable();
            }
        }

        return null;
    }

    private static string DescribeBadRequest(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var field = FieldPath(json.Path);
            return json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
                ? $"{field}: has the wrong type or an invalid value"
                : $"{field}: is not valid JSON";
        }

        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return "body: content type must be application/json";
        }

        var binding = FailedBinding().Match(exception.Message);
        if (binding.Success)
        {
            return $"{Snake(binding.Groups["name"].Value)}: has an invalid value";
        }

        return exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase)
            ? "body: is required"
            : $"request: {exception.Message}";
    }

    /// <summary><c>$.contact_info.emails[0].email</c> → <c>contact_info.emails[0].email</c>.</summary>
    private static string FieldPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    [GeneratedRegex("""Failed to bind parameter "(?:[^ "]+ )?(?<name>[^" ]+)" from""")]
    private static partial Regex FailedBinding();
}
