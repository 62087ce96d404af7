using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Customers.Api.Http;

/// <summary>
/// <c>X-Forwarded-For</c>/<c>-Proto</c> are believed only from the proxies listed in
/// <c>ForwardedHeaders:KnownProxies</c>; with none listed they are ignored, even when the hosting
/// environment switches forwarded headers on for every sender. A client could otherwise choose the
/// address it is rate-limited under, or the host its document URLs point to.
/// </summary>
public static class ProxyHeaders
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var addresses = proxies.Select(p => IPAddress.TryParse(p.Trim(), out var address)
            ? address
            : throw new InvalidOperationException($"ForwardedHeaders__KnownProxies: '{p}' is not an IP address")).ToList();

        services.PostConfigure<ForwardedHeadersOptions>(o =>
        {
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            if (addresses.Count == 0)
            {
                o.ForwardedHeaders = ForwardedHeaders.None;
                return;
            }

            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            addresses.ForEach(o.KnownProxies.Add);
        });
        return services;
    }
}
