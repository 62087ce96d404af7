using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;
using Orleans.Runtime;

namespace Customers.Silo.Hosting;

/// <summary>
/// The Orleans dashboard's counters page is fed by a metric reader the dashboard builds itself,
/// reading the whole Orleans meter every second. Two of Orleans' gauges walk every activation of
/// the silo each time they are read: the running-request count (each activation's queue, under
/// its lock) and the directory cache size. At 100,000 active customers these two reads were most of
/// an idle silo's CPU and a sixth of its GET throughput. This keeps the dashboard and its counters
/// at the same interval and feeds its own exporter from a reader that leaves those two gauges out;
/// <c>/metrics</c> still has them, read only when scraped.
/// </summary>
public static class DashboardCounters
{
    /// <summary>Orleans gauges whose reading is proportional to the number of activations.</summary>
    public static readonly IReadOnlySet<string> ActivationWalks = new HashSet<string>(StringComparer.Ordinal)
    {
        "orleans-messaging-processing-activation-data",
        "orleans-directory-cache-size",
    };

    private const string HostType = "Orleans.Dashboard.DashboardHost";
    private const string ExporterType = "Orleans.Dashboard.Implementation.DashboardTelemetryExporter";
    private const int IntervalMilliseconds = 1000;

    /// <summary>
    /// The dashboard, with its counters read by <see cref="CountersReader"/>. The dashboard's own
    /// reader is started by its host as a silo lifecycle participant; that participant is swapped
    /// for ours (the host stays, as the hosted service that activates the dashboard's grains).
    /// </summary>
    public static ISiloBuilder AddDashboardWithoutActivationWalks(this ISiloBuilder silo)
    {
        var services = silo.Services;
        var first = services.Count;
        silo.AddDashboard();
        for (var i = first; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType == typeof(ILifecycleParticipant<ISiloLifecycle>) && !descriptor.IsKeyedService)
            {
                services[i] = ServiceDescriptor.Describe(descriptor.ServiceType, sp => ReplaceHost(sp, Resolve(sp, descriptor)), descriptor.Lifetime);
            }
        }

        services.AddSingleton<CountersReader>();
        return silo;
    }

    private static object Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);

    private static object ReplaceHost(IServiceProvider services, object participant) =>
        participant.GetType().FullName == HostType ? services.GetRequiredService<CountersReader>() : participant;

    /// <summary>
    /// Whether the dashboard's reader reads <paramref name="instrument"/>, and how. Each stream's
    /// table of series is allocated whole for its limit, so the limit is the silo's own (see
    /// <see cref="Telemetry.SeriesPerInstrument"/>): at the SDK's default of 2,000 the reader's
    /// 129 tables held 19 MB, nearly all empty.
    /// </summary>
    internal static MetricStreamConfiguration Stream(Instrument instrument, Meter orleans)
    {
        if (instrument.Meter != orleans || ActivationWalks.Contains(instrument.Name))
        {
            return MetricStreamConfiguration.Drop;
        }

        // As the dashboard's own reader: a histogram is shown by its sum, so no buckets are kept.
        var type = instrument.GetType();
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Histogram<>)
            ? new ExplicitBucketHistogramConfiguration { Boundaries = [], TagKeys = [], RecordMinMax = false, CardinalityLimit = Telemetry.SeriesPerInstrument }
            : new MetricStreamConfiguration { CardinalityLimit = Telemetry.SeriesPerInstrument };
    }

    /// <summary>Reads the Orleans meter into the dashboard's exporter, from the stage the dashboard's own reader started at.</summary>
    public sealed class CountersReader(IServiceProvider services, OrleansInstruments instruments) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
    {
        private MeterProvider? _provider;

        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe<CountersReader>(ServiceLifecycleStage.Active - 1, _ =>
            {
                Start();
                return Task.CompletedTask;
            });

        public void Dispose() => _provider?.Dispose();

        private void Start()
        {
            var exporterType = typeof(DashboardOptions).Assembly.GetType(ExporterType);
            if (exporterType is null || services.GetService(exporterType) is not BaseExporter<Metric> exporter)
            {
                return;
            }

            _provider = Sdk.CreateMeterProviderBuilder()
                .AddMeter(instruments.Meter.Name)
                .AddView(instrument => Stream(instrument, instruments.Meter))
                .AddReader(new PeriodicExportingMetricReader(exporter, IntervalMilliseconds, IntervalMilliseconds))
                .Build();
        }
    }
}
