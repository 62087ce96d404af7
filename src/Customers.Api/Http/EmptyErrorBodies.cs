using Microsoft.AspNetCore.Diagnostics;

namespace Customers.Api.Http;

/// <summary>Unknown routes and wrong methods end without a body; they get the envelope too.</summary>
public static class EmptyErrorBodies
{
    public static Task Write(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var result = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ApiErrors.NotFound(),
            StatusCodes.Status405MethodNotAllowed => ApiErrors.MethodNotAllowed(),
            StatusCodes.Status401Unauthorized => ApiErrors.Unauthorized(),
            StatusCodes.Status415UnsupportedMediaType => ApiErrors.BadRequest("body: content type must be application/json"),
            >= 500 => ApiErrors.Unexpected(),
            _ => null,
        };
        return result?.ExecuteAsync(http) ?? Task.CompletedTask;
    }
}
