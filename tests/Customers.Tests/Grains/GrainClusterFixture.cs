using Customers.Grains;
using Customers.Grains.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Customers.Tests.Grains;

/// <summary>An in-process test cluster with memory storage that tests can make fail, and a clock the tests move.</summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    public static readonly TimeSpan ReservationGrace = TimeSpan.FromSeconds(45);

    /// <summary>The silos' index keys: a fixed secret, as every silo of a deployment shares one.</summary>
    public static readonly IndexKeys IndexKeys = new(System.Security.Cryptography.SHA256.HashData("grain cluster index secret"u8));

    public TestCluster Cluster { get; } = new TestClusterBuilder(1)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        await Cluster.DeployAsync();
        await ReminderServiceStarted();
    }

    /// <summary>
    /// Orleans starts the reminder service after the silo is active, and a registration made before
    /// it has loaded waits about 20 s and then fails: on a loaded machine the first tests that
    /// registered a reminder (a tokenization's timeout) failed that way. Tests start once a
    /// registration goes through.
    /// </summary>
    private async Task ReminderServiceStarted()
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                await Grains.GetGrain<Silo.IReminderProbeGrain>("grain-cluster-ready").Arm(TimeSpan.FromDays(3650));
                return;
            }
            catch (OrleansException) when (DateTime.UtcNow < deadline)
            {
                // Still loading: ask again.
            }
        }
    }

    public async Task DisposeAsync() => await Cluster.StopAllSilosAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        /// <summary>Memory storage under <paramref name="name"/>, behind the storage tests can make fail.</summary>
        private static void Faulty(ISiloBuilder siloBuilder, string name)
        {
            var inner = name + "-memory";
            siloBuilder.AddMemoryGrainStorage(inner);
            siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(name, (services, _) =>
                new FaultyGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(inner)));
        }

        public void Configure(ISiloBuilder siloBuilder)
        {
            Faulty(siloBuilder, StorageNames.Default);
            Faulty(siloBuilder, StorageNames.Index);
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.Services.AddSingleton<TimeProvider>(Clock);
            siloBuilder.Services.AddSingleton<IDocumentStore, MemoryDocumentStore>();
            siloBuilder.Services.AddSingleton(IndexKeys);
            siloBuilder.Services.AddCustomerGrainServices();
            siloBuilder.Services.Configure<IndexingOptions>(o => o.ReservationGrace = ReservationGrace);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grain cluster";
}
