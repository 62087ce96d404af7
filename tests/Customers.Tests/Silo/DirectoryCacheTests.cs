using System.Net;
using Customers.Silo.Hosting;
using Customers.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Customers.Tests.Silo;

/// <summary>The silo's cache of grain addresses: sized by a setting, and only a cache.</summary>
public sealed class DirectoryCacheTests
{
    [Fact]
    public async Task The_silo_keeps_the_configured_number_of_addresses_at_hand()
    {
        await using var defaults = new ServiceHost();
        await using var configured = new ServiceHost(settings: [new("Orleans:DirectoryCacheSize", "5000")]);

        Assert.Equal(new OrleansSettings().DirectoryCacheSize, CacheSize(defaults));
        Assert.Equal(5000, CacheSize(configured));
    }

    [Fact]
    public async Task Customers_beyond_the_cache_are_still_read_and_written()
    {
        await using var host = new ServiceHost(settings: [new("Orleans:DirectoryCacheSize", OrleansSettings.MinimumDirectoryCacheSize.ToString())]);
        var client = host.ClientWithKey();
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var created = await (await client.PostJson("/v4/orgs/telco/customers", Bodies.Private())).AssertStatus(HttpStatusCode.Created);
            ids.Add((string)created["id"]!);
        }

        foreach (var id in ids)
        {
            var patch = new System.Text.Json.Nodes.JsonObject { ["preferred_language"] = "en" };
            await (await client.PatchJson($"/v4/orgs/telco/customers/{id}", patch)).AssertStatus(HttpStatusCode.NoContent);
            var customer = await (await client.GetAsync($"/v4/orgs/telco/customers/{id}")).AssertStatus(HttpStatusCode.OK);
            Assert.Equal("en", (string?)customer["preferred_language"]);
        }
    }

    [Fact]
    public async Task A_cache_too_small_to_hold_its_three_parts_is_refused_at_start()
    {
        await using var host = new ServiceHost(settings: [new("Orleans:DirectoryCacheSize", "2")]);

        var refusal = Assert.Throws<InvalidOperationException>(() => host.Server);

        Assert.Contains("Orleans__DirectoryCacheSize must be at least 3", refusal.Message);
    }

    private static int CacheSize(ServiceHost host) =>
        host.Services.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value.CacheSize;
}
