using Customers.Api.Auth;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Customers.Silo.Hosting;

public static class Telemetry
{
    private static readonly string[] Meters = ["Microsoft.Orleans", Customers.Grains.Events.EventMetrics.MeterName];
    private static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>
    /// JSON console logs carrying each request's id (the hosting log scope), and OpenTelemetry
    /// metrics and traces from ASP.NET Core, Orleans and Npgsql. Metrics are scraped at
    /// <c>/metrics</c>; traces leave only when an OTLP endpoint is configured.
    /// </summary>
    public static WebApplicationBuilder AddCustomersTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("customers", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .DropPerRequestDetail()
                .AddRuntimeInstrumentation()
                .AddMeter(Meters)
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter());

        // Recording spans costs on every request and grain call; it is switched on only when
        // there is somewhere to send them.
        if (TracesExported(builder.Configuration))
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                    .AddSource(OrleansSources)
                    .AddNpgsql())
                .UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Instruments ASP.NET Core records on every request (or every buffer) that say nothing the kept
    /// ones do not: each cost an aggregation per request, 2.7 % of a hot GET's CPU together.
    /// Rejections stay visible (<c>aspnetcore.rate_limiting.requests</c> by result), as do request
    /// durations and active requests.
    /// </summary>
    private static readonly string[] DroppedInstruments =
    [
        "aspnetcore.memory_pool.*",
        "aspnetcore.rate_limiting.active_request_leases",
        "aspnetcore.rate_limiting.request_lease.duration",
        "aspnetcore.routing.match_attempts",
    ];

    private static MeterProviderBuilder DropPerRequestDetail(this MeterProviderBuilder metrics)
    {
        foreach (var instrument in DroppedInstruments)
        {
            metrics.AddView(instrument, MetricStreamConfiguration.Drop);
        }

        return metrics;
    }

    public static bool TracesExported(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static WebApplication MapCustomersMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").ExcludeFromDescription().RequiresOps();
        return app;
    }
}
