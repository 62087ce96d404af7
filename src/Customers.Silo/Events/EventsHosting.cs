using Customers.Grains;
using Customers.Grains.Events;
using Customers.Silo.Database;
using Customers.Silo.Storage;
using Orleans.Providers;
using Orleans.Storage;

namespace Customers.Silo.Events;

public static class EventsHosting
{
    /// <summary>The rows the grains are stored in, under the storage that records their events.</summary>
    private const string RowStorage = StorageNames.Default + "-rows";

    /// <summary>
    /// Grain storage whose writes also record the state's events, the event log, its sweeper and
    /// the in-cluster stream. Stream subscriptions are kept in PostgreSQL with Orleans' own
    /// serializer: the pub-sub state is Orleans' internal shape, not ours to keep readable.
    /// </summary>
    public static ISiloBuilder AddCustomerEvents(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.AddAdoNetGrainStorage(RowStorage, o => o.OnSiloDataSource(options => options.GrainStorageSerializer = new JsonGrainStateSerializer()));
        silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default, (services, _) =>
            new OutboxGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(RowStorage), services));

        silo.AddAdoNetGrainStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME, o => o.OnSiloDataSource());
        silo.AddMemoryStreams(CustomerEventStream.StreamProvider);

        silo.Services.AddOptions<EventsOptions>()
            .Bind(configuration.GetSection(EventsOptions.Section))
            .Validate(o => o.DeliveryHorizon > TimeSpan.Zero, "Events__DeliveryHorizon must be positive.")
            .Validate(o => o.DeliveryPollInterval > TimeSpan.Zero, "Events__DeliveryPollInterval must be positive.")
            .Validate(o => o.SweepInterval > TimeSpan.Zero, "Events__SweepInterval must be positive.")
            .Validate(o => o.FullSweepInterval > TimeSpan.Zero, "Events__FullSweepInterval must be positive.")
            .ValidateOnStart();
        silo.Services.AddSingleton<PostgresEventStore>();
        silo.Services.AddSingleton<IEventStore>(s => s.GetRequiredService<PostgresEventStore>());
        silo.Services.AddSingleton<IEventFeed>(s => s.GetRequiredService<PostgresEventStore>());
        silo.Services.AddHostedService<UnpositionedEventsSweeper>();
        silo.Services.AddWebhookDelivery(configuration);
        return silo;
    }
}
