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
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    public static IServiceCollection AddCustomersRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>()
            .Bind(configuration.GetSection(RateLimitingOptions.Section))
            .Validate(o => o.PermitsPerSecond >= 0, "RateLimiting__PermitsPerSecond must not be negative.")
            .Validate(o => o.Burst >= 0, "RateLimiting__Burst must not be negative.")
            .Validate(
                o => o.Burst < 0 || o.PermitsPerSecond <= 0 || o.Burst >= RefillTokens(o.PermitsPerSecond),
                "RateLimiting__Burst must hold at least one refill, a tenth of RateLimiting__PermitsPerSecond (and at least 1): a smaller bucket never lets the rate through.")
            .Validate(o => o.AnonymousPerSecond >= 0, "RateLimiting__AnonymousPerSecond must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<RatePartitions>();
        services.AddRateLimiter(o => o.OnRejected = Reject);
        services.AddOptions<RateLimiterOptions>().Configure<RatePartitions>((o, partitions) =>
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(partitions.For));
        return services;
    }

    /// <summary>
    /// The limiter runs only for requests that have a limit: health and keys set to 0 (unlimited)
    /// pass beside it, so they pay neither its partition lookup nor the frame it keeps across the
    /// rest of the request.
    /// </summary>
    public static IApplicationBuilder UseCustomersRateLimits(this IApplicationBuilder app)
    {
        var partitions = app.ApplicationServices.GetRequiredService<RatePartitions>();
        return app.UseWhen(partitions.IsLimited, limited => limited.UseRateLimiter());
    }

    /// <summary>
    /// Each configured key's partition is made once, at start; a request finds its own by the key's
    /// place. Only callers without a valid key get a partition made per request, by their address.
    /// </summary>
    internal sealed class RatePartitions(IOptions<RateLimitingOptions> options, ApiKeyRing keys)
    {
        private readonly RateLimitingOptions _options = options.Value;

        private readonly RateLimitPartition<string>[] _keys = keys.Callers.Select(caller => KeyBucket(caller, options.Value)).ToArray();

        private readonly bool[] _unlimited = keys.Callers.Select(caller => Rate(caller, options.Value).PerSecond == 0).ToArray();

        public bool IsLimited(HttpContext context) =>
            !context.Request.Path.StartsWithSegments("/health")
            && (PresentedKey.Resolve(context, keys, acceptBasic: true) is not { } caller || !_unlimited[caller.Index]);

        public RateLimitPartition<string> For(HttpContext context)
        {
            if (PresentedKey.Resolve(context, keys, acceptBasic: true) is { } caller)
            {
                return _keys[caller.Index];
            }

            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return Bucket($"address:{address}", _options.AnonymousPerSecond, 2 * _options.AnonymousPerSecond);
        }

        private static RateLimitPartition<string> KeyBucket(Caller caller, RateLimitingOptions options)
        {
            var (rate, burst) = Rate(caller, options);
            return Bucket($"key:{caller.Index.ToString(CultureInfo.InvariantCulture)}", rate, burst);
        }

        private static (int PerSecond, int Burst) Rate(Caller caller, RateLimitingOptions options) =>
            caller.PermitsPerSecond is { } own ? (own, 2 * own) : (options.PermitsPerSecond, options.Burst);
    }

    /// <summary>A rate of 0 means unlimited.</summary>
    private static RateLimitPartition<string> Bucket(string partition, int perSecond, int burst)
    {
        if (perSecond == 0)
        {
            return RateLimitPartition.GetNoLimiter(partition);
        }

        var options = BucketOptions(perSecond, burst);
        return RateLimitPartition.GetTokenBucketLimiter(partition, _ => options);
    }

    /// <summary>What one refill adds: a bucket that holds less caps the rate below its setting.</summary>
    private static int RefillTokens(int perSecond) => Math.Max(1, perSecond / 10);

    /// <summary>
    /// Tokens come back a tenth of a second's worth at a time (one at a time for rates under ten a
    /// second): refilled once a second, a drained bucket would get a whole second's tokens at once,
    /// and a burst just before the refill would pass with <c>burst + rate</c> requests.
    /// </summary>
    internal static TokenBucketRateLimiterOptions BucketOptions(int perSecond, int burst)
    {
        var tokensPerPeriod = RefillTokens(perSecond);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(burst, 1),
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromTicks(OneSecond.Ticks * tokensPerPeriod / perSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    private static async ValueTask Reject(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : OneSecond;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiErrors.TooManyRequests().ExecuteAsync(rejected.HttpContext);
    }
}
