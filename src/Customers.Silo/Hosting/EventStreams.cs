using Orleans.Providers;

namespace Customers.Silo.Hosting;

public static class EventStreams
{
    /// <summary>
    /// The stream provider co-hosted services subscribe to for customer events (<see cref="CredentialEvents"/>).
    /// Subscriptions are kept in PostgreSQL with Orleans' own serializer: the pub-sub state is
    /// Orleans' internal shape, not ours to keep readable.
    /// </summary>
    public static ISiloBuilder AddCustomerEventStreams(this ISiloBuilder silo, string invariant, string connectionString)
    {
        silo.AddAdoNetGrainStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME, o =>
        {
            o.Invariant = invariant;
            o.ConnectionString = connectionString;
        });
        silo.AddMemoryStreams(CredentialEvents.StreamProvider);
        return silo;
    }
}
