using System.Net;
using Customers.Api;
using Customers.Grains;
using Customers.Grains.Indexing;
using Customers.Silo.Database;
using Customers.Silo.Events;
using Customers.Silo.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Configuration;

namespace Customers.Silo.Hosting;

public static class SiloHosting
{
    /// <summary>The silo: PostgreSQL storage, reminders and membership, the schema they need, and the dashboard.</summary>
    public static WebApplicationBuilder AddCustomersSilo(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Customers");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings__Customers is not set. Start the service with ./run.sh, which starts a local PostgreSQL, or set it.");
        }

        var settings = builder.Configuration.GetSection(OrleansSettings.Section).Get<OrleansSettings>() ?? new OrleansSettings();
        if (settings.DirectoryCacheSize < OrleansSettings.MinimumDirectoryCacheSize)
        {
            throw new InvalidOperationException(
                $"Orleans__DirectoryCacheSize must be at least {OrleansSettings.MinimumDirectoryCacheSize} (it was {settings.DirectoryCacheSize}).");
        }

        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        connectionString = Connections.ForSilo(connectionString, database.MaxPoolSize, $"customers-silo-{settings.SiloPort}");

        // One pool for everything the silo sends to PostgreSQL, the Orleans providers included: the
        // container disposes it when the host goes, closing its connections on the server.
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        builder.Services.Configure<IndexingOptions>(builder.Configuration.GetSection("Indexing"));
        builder.Services.AddCredentialsAndDocuments(builder.Configuration);
        builder.Services.AddAccountOptions(builder.Configuration);
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddHostedService<SchemaMigrationService>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ApiHosting.ReadyTag])
            .AddCheck<SiloHealthCheck>("silo", tags: [ApiHosting.ReadyTag]);

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            silo.ConfigureEndpoints(IPAddress.Parse(settings.AdvertisedIP), settings.SiloPort, settings.GatewayPort);
            silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = settings.DirectoryCacheSize);
            silo.UseClusterTls(settings.Tls);
            silo.UseAdoNetClustering(o => o.OnSiloDataSource());
            silo.UseAdoNetReminderService(o => o.OnSiloDataSource());
            silo.AddAdoNetGrainStorage(StorageNames.Index, o => o.OnSiloDataSource(options =>
            {
                options.GrainStorageSerializer = new JsonGrainStateSerializer();
                options.DeleteStateOnClear = true;
            }));
            silo.AddCustomerEvents(builder.Configuration);
            silo.AddDashboardWithoutActivationWalks();
            silo.Services.AddDashboardOnFirstUse();
            // Two grain-call filters on every call, there only to carry spans across grains: only
            // when spans are exported (Telemetry), as for the rest of tracing.
            if (Telemetry.TracesExported(builder.Configuration))
            {
                silo.AddActivityPropagation();
            }
        });

        return builder;
    }
}
