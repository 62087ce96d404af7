using System.Diagnostics.Metrics;
using System.Net;
using Customers.Silo.Hosting;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Operations;

[Collection(MetricsCollection.Name)]
public class MetricsTests(ApiHostFixture api)
{
    [Fact]
    public async Task Metrics_from_ASP_NET_Core_Orleans_and_Npgsql_are_exported_in_Prometheus_format()
    {
        var client = api.Client();
        await (await client.PostJson("/v4/orgs/telco/customers", Bodies.Private())).AssertStatus(HttpStatusCode.Created);

        string text = "";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var response = await api.Client(TestKeys.Operator).GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
            if (text.Contains("http_server_request_duration_seconds") && text.Contains("orleans_") && text.Contains("db_client_"))
            {
                break;
            }

            await Task.Delay(500);
        }

        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text);
        Assert.Contains("orleans_", text);
        Assert.Contains("db_client_", text);
    }

    [Fact]
    public async Task Per_request_detail_is_left_out_and_request_durations_and_rate_limit_outcomes_stay()
    {
        var client = api.Client();
        await (await client.GetAsync("/v4/orgs/telco/customers/" + Guid.NewGuid())).AssertStatus(HttpStatusCode.NotFound);

        var text = await Eventually.Until(
            async () => await (await api.Client(TestKeys.Operator).GetAsync("/metrics")).Content.ReadAsStringAsync(),
            t => t.Contains("aspnetcore_rate_limiting_requests_total"),
            TimeSpan.FromSeconds(30));

        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text);
        Assert.Contains("# TYPE http_server_active_requests", text);
        Assert.DoesNotContain("aspnetcore_memory_pool_", text);
        Assert.DoesNotContain("aspnetcore_rate_limiting_request_lease_duration", text);
        Assert.DoesNotContain("aspnetcore_rate_limiting_active_request_leases", text);
        Assert.DoesNotContain("aspnetcore_routing_match_attempts", text);
    }

    [Fact]
    public async Task Series_past_an_instruments_limit_are_summed_in_the_overflow_series()
    {
        // A meter the silo exports, with an instrument of its own: the limit applies to every instrument.
        using var meter = new Meter("Microsoft.Orleans");
        var name = "customers.test.series_" + Guid.NewGuid().ToString("N")[..8];
        var counter = meter.CreateCounter<long>(name);
        const int past = 44;
        for (var i = 0; i < Telemetry.SeriesPerInstrument + past; i++)
        {
            counter.Add(1, new KeyValuePair<string, object?>("n", i));
        }

        var exported = name.Replace('.', '_') + "_total{";
        var text = await Eventually.Until(
            async () => await (await api.Client(TestKeys.Operator).GetAsync("/metrics")).Content.ReadAsStringAsync(),
            t => t.Contains(exported),
            TimeSpan.FromSeconds(30));

        var series = text.Split('\n').Where(l => l.StartsWith(exported, StringComparison.Ordinal)).ToList();
        Assert.Equal(Telemetry.SeriesPerInstrument, series.Count(l => !l.Contains("otel_metric_overflow")));
        var overflow = Assert.Single(series, l => l.Contains("otel_metric_overflow=\"true\""));
        Assert.Equal(past.ToString(System.Globalization.CultureInfo.InvariantCulture), overflow.Split("} ")[1].Split(' ')[0]);
    }
}
