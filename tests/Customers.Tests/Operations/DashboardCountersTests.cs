using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Customers.Silo.Hosting;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Operations;

/// <summary>The dashboard's counters page, fed by a reader that does not walk every activation each second.</summary>
[Collection(ApiCollection.Name)]
public sealed class DashboardCountersTests(ApiHostFixture api)
{
    [Fact]
    public async Task The_dashboard_shows_the_silos_Orleans_counters()
    {
        var counters = await SiloCounters();

        Assert.Contains("orleans-catalog-activations", counters);
        Assert.Contains("orleans-catalog-activation-working-set", counters);
    }

    [Fact]
    public async Task The_dashboard_leaves_out_the_gauges_that_walk_every_activation()
    {
        var counters = await SiloCounters();

        Assert.NotEmpty(DashboardCounters.ActivationWalks);
        foreach (var walk in DashboardCounters.ActivationWalks)
        {
            Assert.DoesNotContain(walk, counters);
        }
    }

    [Fact]
    public void The_dashboards_reader_keeps_each_Orleans_instrument_to_the_silos_series_limit()
    {
        using var orleans = new Meter("Orleans");
        var counter = orleans.CreateCounter<long>("orleans-test-counter");
        var histogram = orleans.CreateHistogram<double>("orleans-test-duration");

        Assert.Equal(Telemetry.SeriesPerInstrument, DashboardCounters.Stream(counter, orleans).CardinalityLimit);
        Assert.Equal(Telemetry.SeriesPerInstrument, DashboardCounters.Stream(histogram, orleans).CardinalityLimit);
    }

    /// <summary>The counter names the dashboard shows for the one silo, once its reader has exported.</summary>
    private async Task<HashSet<string>> SiloCounters()
    {
        var client = api.Client(TestKeys.Operator);
        // The dashboard learns its silos on its own timer, shortly after start.
        var hosts = await Eventually.Until(
            async () => (await client.GetFromJsonAsync<JsonObject>("/dashboard/DashboardCounters"))!["hosts"]!.AsArray(),
            h => h.Count > 0);
        var silo = hosts.Single()!["siloAddress"]!.GetValue<string>();

        return await Eventually.Until(
            async () =>
            {
                var counters = await client.GetFromJsonAsync<JsonArray>($"/dashboard/SiloCounters/{Uri.EscapeDataString(silo)}");
                return counters!.Select(c => c!["name"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            },
            names => names.Contains("orleans-catalog-activations"));
    }
}
