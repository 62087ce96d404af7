using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Customers.Api.Http;

/// <summary>
/// Request bodies are at most 1 MiB unless the endpoint says otherwise (the identification upload).
/// A declared length over the limit is refused before a byte is read; a chunked body is cut off by
/// the server when it crosses the limit.
/// </summary>
public sealed class BodySizeLimit(RequestDelegate next)
{
    public const long DefaultMaxBytes = 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultMaxBytes;
        if (context.Request.ContentLength > limit)
        {
            return ApiErrors.PayloadTooLarge(limit).ExecuteAsync(context);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}

public static class BodySizeLimits
{
    public static IServiceCollection AddBodySizeLimit(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = BodySizeLimit.DefaultMaxBytes);
}
