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
        services.AddOptions<CredentialOptions>()
            .Bind(configuration.GetSection(CredentialOptions.Section))
            .Validate(o => o.ProviderRetryPeriod > TimeSpan.Zero, "Credentials__ProviderRetryPeriod must be positive.")
            .Validate(o => o.ProviderTimeout > TimeSpan.Zero, "Credentials__ProviderTimeout must be positive.")
            .ValidateOnStart();
        services.AddOptions<InProcessIdentityProviderOptions>()
            .Bind(configuration.GetSection(InProcessIdentityProviderOptions.Section))
            .Validate(o => o.ConfirmationDelay >= TimeSpan.Zero, "IdentityProvider__ConfirmationDelay must not be negative.")
            .ValidateOnStart();
        services.TryAddSingleton<IDocumentStore, PostgresDocumentStore>();
        services.AddCustomerGrainServices();

        // Lets a deployment (or a test) retry identity provider calls more often than the
        // one-minute reminder floor, e.g. Reminders__MinimumReminderPeriod=00:00:05.
        services.Configure<ReminderOptions>(configuration.GetSection("Reminders"));
        return services;
    }
}
