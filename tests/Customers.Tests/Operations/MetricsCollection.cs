using Customers.Tests.Infrastructure;

namespace Customers.Tests.Operations;

/// <summary>
/// The metrics tests read a host's own instrument streams from <c>/metrics</c>, so they run alone,
/// on a host of their own, after the parallel collections. OpenTelemetry listens to the same-named
/// instruments of every host in the test process, and with hosts starting and stopping beside the
/// shared one, its request durations went missing from its <c>/metrics</c> in full runs (never in a
/// run of these tests alone). A production process holds one host.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection : ICollectionFixture<ApiHostFixture>
{
    public const string Name = "metrics";
}
