namespace Customers.Api.RateLimiting;

public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Tokens a key gets per second unless it sets its own.</summary>
    public int PermitsPerSecond { get; set; } = 1000;

    /// <summary>Tokens a key may spend at once unless it sets its own rate (its burst is then twice that).</summary>
    public int Burst { get; set; } = 2000;

    /// <summary>Per client address, for requests without a valid key; the burst is twice that.</summary>
    public int AnonymousPerSecond { get; set; } = 20;
}
