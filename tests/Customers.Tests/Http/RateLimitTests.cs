using System.Net;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http;

/// <summary>A host whose limits are small enough to reach: its own keys, so no other test spends their tokens.</summary>
public sealed class RateLimitedHost : IAsyncLifetime
{
    public const string OwnRateKey = "own-rate-key-0123456789";
    public const string DefaultRateKey = "default-rate-key-0123456789";
    public const string UnlimitedKey = "unlimited-key-0123456789";

    public ServiceHost Host { get; } = new(settings:
    [
        new("Auth:ApiKeys:7:Name", "own-rate"),
        new("Auth:ApiKeys:7:Key", OwnRateKey),
        new("Auth:ApiKeys:7:Orgs:0", "*"),
        new("Auth:ApiKeys:7:Permissions:0", "*"),
        new("Auth:ApiKeys:7:PermitsPerSecond", "1"),
        new("Auth:ApiKeys:5:Name", "default-rate"),
        new("Auth:ApiKeys:5:Key", DefaultRateKey),
        new("Auth:ApiKeys:5:Orgs:0", "*"),
        new("Auth:ApiKeys:5:Permissions:0", "*"),
        new("Auth:ApiKeys:6:Name", "unlimited"),
        new("Auth:ApiKeys:6:Key", UnlimitedKey),
        new("Auth:ApiKeys:6:Orgs:0", "*"),
        new("Auth:ApiKeys:6:Permissions:0", "*"),
        new("Auth:ApiKeys:6:PermitsPerSecond", "0"),
        new("RateLimiting:PermitsPerSecond", "1"),
        new("RateLimiting:Burst", "3"),
        new("RateLimiting:AnonymousPerSecond", "1"),
    ]);

    public Task InitializeAsync()
    {
        _ = Host.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public class RateLimitTests(RateLimitedHost limited) : IClassFixture<RateLimitedHost>
{
    private const int Storm = 40;

    [Fact]
    public async Task A_key_past_its_own_rate_gets_429_with_Retry_After_and_MCUS_999_992()
    {
        var client = limited.Host.ClientWithKey(RateLimitedHost.OwnRateKey);

        var rejected = await FirstRejection(client, "/v4/orgs/telco/customers/" + Guid.NewGuid());

        await rejected.AssertError(HttpStatusCode.TooManyRequests, "MCUS.999.992");
        Assert.True(int.TryParse(rejected.Headers.GetValues("Retry-After").Single(), out var seconds) && seconds >= 1);
    }

    [Fact]
    public async Task The_429_envelope_is_titled_Too_many_requests()
    {
        var client = limited.Host.ClientWithKey(RateLimitedHost.OwnRateKey);

        var body = await (await FirstRejection(client, "/v4/orgs/telco/customers/" + Guid.NewGuid())).Body();

        Assert.Equal("Too many requests", (string?)body["errors"]![0]!["error"]!["title"]);
    }

    [Fact]
    public async Task A_key_without_its_own_rate_gets_the_configured_default()
    {
        var client = limited.Host.ClientWithKey(RateLimitedHost.DefaultRateKey);

        var rejected = await FirstRejection(client, "/v4/orgs/telco/customers/" + Guid.NewGuid());

        await rejected.AssertError(HttpStatusCode.TooManyRequests, "MCUS.999.992");
    }

    [Fact]
    public async Task A_key_whose_own_rate_is_0_is_never_limited()
    {
        var client = limited.Host.ClientWithKey(RateLimitedHost.UnlimitedKey);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Storm; i++)
        {
            statuses.Add((await client.GetAsync("/v4/orgs/telco/customers/" + Guid.NewGuid())).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
    }

    [Fact]
    public async Task A_storm_from_one_key_leaves_another_key_unaffected()
    {
        await FirstRejection(limited.Host.ClientWithKey(RateLimitedHost.OwnRateKey), "/v4/orgs/telco/customers/" + Guid.NewGuid());

        var other = await limited.Host.ClientWithKey(TestKeys.Admin).GetAsync("/v4/orgs/telco/customers/" + Guid.NewGuid());

        await other.AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task Requests_without_a_valid_key_are_limited_per_client_address()
    {
        var guesser = limited.Host.ClientWithKey("guessed-key");

        var rejected = await FirstRejection(guesser, "/v4/orgs/telco/customers/" + Guid.NewGuid());

        await rejected.AssertError(HttpStatusCode.TooManyRequests, "MCUS.999.992");
    }

    [Fact]
    public async Task Health_is_never_limited()
    {
        var probe = limited.Host.ClientWithKey(key: null);

        for (var i = 0; i < Storm; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/live")).StatusCode);
        }
    }

    /// <summary>Sends until the first 429; a bucket of a few tokens refilled once a second runs dry long before <see cref="Storm"/> requests.</summary>
    private static async Task<HttpResponseMessage> FirstRejection(HttpClient client, string path)
    {
        for (var i = 0; i < Storm; i++)
        {
            var response = await client.GetAsync(path);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} during the storm");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }
        }

        throw new Xunit.Sdk.XunitException($"no 429 within {Storm} requests");
    }
}
