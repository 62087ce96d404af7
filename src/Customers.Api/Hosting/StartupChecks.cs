using System.Text;
using Customers.Api.Auth;
using Customers.Api.Identification;

namespace Customers.Api.Hosting;

/// <summary>
/// What the service refuses to start without outside Development: an API key (otherwise nobody, or
/// everybody, could call it) and a document signing key every silo shares.
/// </summary>
public static class StartupChecks
{
    public const int MinimumSigningKeyBytes = 32;

    /// <summary>One line per missing setting, named in its environment-variable form; empty when it may start.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return [];
        }

        var problems = new List<string>();
        if (!ConfiguredKeys(configuration).Any(k => !string.IsNullOrEmpty(k[nameof(ApiKeyEntry.Key)])))
        {
            problems.Add($"Auth__ApiKeys is not set: outside Development (ASPNETCORE_ENVIRONMENT={environment.EnvironmentName}) the service needs at least one API key (Auth__ApiKeys__0__Name, __Key, __Orgs__0, __Permissions__0).");
        }

        var signingKey = configuration[$"{DocumentsOptions.Section}:{nameof(DocumentsOptions.SigningKey)}"];
        if (signingKey is null || Encoding.UTF8.GetByteCount(signingKey) < MinimumSigningKeyBytes)
        {
            problems.Add($"Documents__SigningKey must be set to at least {MinimumSigningKeyBytes} bytes outside Development (every silo must sign document URLs alike).");
        }

        return problems;
    }

    /// <summary>The keys as configured, read raw: the binder would drop an entry with a malformed value.</summary>
    private static IEnumerable<IConfigurationSection> ConfiguredKeys(IConfiguration configuration) =>
        configuration.GetSection($"{ApiKeyOptions.Section}:{nameof(ApiKeyOptions.ApiKeys)}").GetChildren();
}
