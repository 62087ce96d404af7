using Customers.Grains;
using Customers.Grains.Credentials;
using Customers.Silo.Documents;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;

namespace Customers.Silo.Hosting;

public static class FeatureServices
{
    /// <summary>Credentials (identity provider port, retry settings) and document storage.</summary>
    public static IServiceCollection AddCredentialsAndDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CredentialOptions>(configuration.GetSection(CredentialOptions.Section));
        services.Configure<InProcessIdentityProviderOptions>(configuration.GetSection(InProcessIdentityProviderOptions.Section));
        services.TryAddSingleton<IDocumentStore, PostgresDocumentStore>();
        services.AddCustomerGrainServices();

        // Lets a deployment (or a test) retry identity provider calls more often than the
        // one-minute reminder floor, e.g. Reminders__MinimumReminderPeriod=00:00:05.
        services.Configure<ReminderOptions>(configuration.GetSection("Reminders"));
        return services;
    }
}
