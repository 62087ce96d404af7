using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Customers.Api.Auth;
using Customers.Api.Identification;

namespace Customers.Api.Hosting;

/// <summary>
/// What the service refuses to start without outside Development: an API key (otherwise nobody, or
/// everybody, could call it) and a document signing key every silo shares.
/// </summary>
public static partial class StartupChecks
{
    public const int MinimumSigningKeyBytes = 32;

    /// <summary>One line per missing setting, named in its environment-variable form; empty when it may start.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = new List<string>(MalformedKeyRates(configuration));
        if (environment.IsDevelopment())
        {
            return problems;
        }

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

    /// <summary>
    /// A key's own rate that is not a whole number: the configuration binder would leave the whole key
    /// out of the list without a word, so the key would answer 401 (or, alone, read as no key at all).
    /// </summary>
    private static IEnumerable<string> MalformedKeyRates(IConfiguration configuration)
    {
        foreach (var key in ConfiguredKeys(configuration))
        {
            var rate = key[nameof(ApiKeyEntry.PermitsPerSecond)];
            if (!string.IsNullOrEmpty(rate) && !int.TryParse(rate, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                yield return $"Auth__ApiKeys__{key.Key}__PermitsPerSecond must be a whole number of requests a second (0 = unlimited).";
            }
        }
    }

    /// <summary>The keys as configured, read raw: the binder would drop an entry with a malformed value.</summary>
    private static IEnumerable<IConfigurationSection> ConfiguredKeys(IConfiguration configuration) =>
        configuration.GetSection($"{ApiKeyOptions.Section}:{nameof(ApiKeyOptions.ApiKeys)}").GetChildren();

    /// <summary>
    /// The line to show for a start-up that failed on a malformed setting (a value the configuration
    /// binder could not convert, or options that failed their validation), named in its
    /// environment-variable form; null for any other failure.
    /// </summary>
    public static string? MalformedSetting(Exception failure)
    {
        var pending = new Stack<Exception>([failure]);
        while (pending.TryPop(out var e))
        {
            switch (e)
            {
                case OptionsValidationException invalid:
                    return $"Invalid settings ({invalid.OptionsType.Name}): {string.Join("; ", invalid.Failures)}";
                case InvalidOperationException when ConversionFailure().Match(e.Message) is { Success: true } match:
                    return $"{match.Groups["path"].Value.Replace(":", "__", StringComparison.Ordinal)} is not a valid {match.Groups["type"].Value}.";
                case AggregateException many:
                    many.InnerExceptions.ToList().ForEach(pending.Push);
                    break;
                default:
                    if (e.InnerException is { } inner)
                    {
                        pending.Push(inner);
                    }

                    break;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^Failed to convert configuration value (?:'[^']*' )?at '(?<path>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();
}
