using Customers.Grains.Accounts;

namespace Customers.Silo.Hosting;

public static class AccountSettings
{
    /// <summary>Tokenization timeout and available payment methods, checked at start so a typo stops the silo rather than an account.</summary>
    public static IServiceCollection AddAccountOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TokenizationOptions>()
            .Bind(configuration.GetSection(TokenizationOptions.Section))
            .Validate(o => o.Timeout > TimeSpan.Zero, "Tokenization__Timeout must be positive.")
            .ValidateOnStart();
        services.AddOptions<PaymentMethodsOptions>()
            .Bind(configuration.GetSection(PaymentMethodsOptions.Section))
            .Validate(o => o.IsValid(), $"PaymentMethods__Available and PaymentMethods__Orgs__<org> may only name {string.Join(", ", PaymentMethodTypes.Settable)}.")
            .ValidateOnStart();
        return services;
    }
}
