using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Customers.Api.Http;

/// <summary>
/// Kestrel refuses a request line over 8 KiB (414) and headers over 32 KiB (431) itself, before any
/// middleware runs, with an empty body. With room above those, such a request reaches the API, whose
/// rules answer it in the envelope naming what is wrong: a query value over its limit is 400 naming
/// the parameter, an unknown key 401. Past these limits the server still refuses on its own.
/// </summary>
public static class RequestHeadLimits
{
    public const int MaxRequestLineBytes = 64 * 1024;

    public const int MaxHeadersBytes = 64 * 1024;

    public static IServiceCollection AddRequestHeadLimits(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestLineSize = MaxRequestLineBytes;
            o.Limits.MaxRequestHeadersTotalSize = MaxHeadersBytes;
        });
}
