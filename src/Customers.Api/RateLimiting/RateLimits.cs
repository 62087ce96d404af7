using System.Globalization;
using System.Threading.RateLimiting;
using Customers.Api.Auth;
using Customers.Api.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Customers.Api.RateLimiting;

/// <summary>
/// Token buckets in this silo: one per configured key (by its place in configuration, so no key or
/// hash is held by the limiter), one per client address for requests without a valid key. Health is
/// never limited, so an orchestrator's probes survive a storm.
/// </summary>
public static class RateLimits
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    public static IServiceCollection AddCustomersRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>()
            .Bind(configuration.GetSection(RateLimitingOptions.Section))
            .Validate(o => o.PermitsPerSecond >= 0 && o.Burst >= 0 && o.AnonymousPerSecond >= 0, "RateLimiting values must not be negative")
            .ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            o.OnRejected = Reject;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/health"))
        {
            return RateLimitPartition.GetNoLimiter("health");
        }

        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        var caller = PresentedKey.Resolve(context, context.RequestServices.GetRequiredService<ApiKeyRing>(), acceptBasic: true);
        if (caller is null)
        {
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return Bucket($"address:{address}", options.AnonymousPerSecond, 2 * options.AnonymousPerSecond);
        }

        var (rate, burst) = caller.PermitsPerSecond is { } own ? (own, 2 * own) : (options.PermitsPerSecond, options.Burst);
        return Bucket($"key:{caller.Index.ToString(CultureInfo.InvariantCulture)}", rate, burst);
    }

    /// <summary>A rate of 0 means unlimited.</summary>
    private static RateLimitPartition<string> Bucket(string partition, int perSecond, int burst) =>
        perSecond == 0
            ? RateLimitPartition.GetNoLimiter(partition)
            : RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(burst, 1),
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = Period,
                QueueLimit = 0,
                AutoReplenishment = true,
            });

    private static async ValueTask Reject(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Period;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiErrors.TooManyRequests().ExecuteAsync(rejected.HttpContext);
    }
}
