using Customers.Api.RateLimiting;

namespace Customers.Tests.Operations;

/// <summary>How a key's token bucket refills (contract §12: a rate per second and a burst).</summary>
public class RateBucketTests
{
    [Theory]
    [InlineData(1000, 100, 100)]
    [InlineData(20, 2, 100)]
    [InlineData(5, 1, 200)]
    [InlineData(1, 1, 1000)]
    public void A_bucket_refills_a_tenth_of_a_second_s_worth_at_a_time_at_its_rate(int perSecond, int tokens, int milliseconds)
    {
        var options = RateLimits.BucketOptions(perSecond, 2 * perSecond);

        Assert.Equal((tokens, TimeSpan.FromMilliseconds(milliseconds)), (options.TokensPerPeriod, options.ReplenishmentPeriod));
        Assert.Equal(perSecond, options.TokensPerPeriod / options.ReplenishmentPeriod.TotalSeconds, precision: 6);
    }

    [Fact]
    public void A_bucket_holds_its_burst_and_queues_nothing()
    {
        var options = RateLimits.BucketOptions(5, 10);

        Assert.Equal((10, 0), (options.TokenLimit, options.QueueLimit));
    }
}
