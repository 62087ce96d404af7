using Customers.Tests.Infrastructure;

namespace Customers.Tests.Operations;

/// <summary>
/// Outside Development the service refuses to start without an API key or without a shared document signing
/// key; in any environment it refuses a setting whose value does not convert, or breaks its rule.
/// </summary>
public class StartupRefusalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Without_a_key_outside_Development_the_silo_exits_non_zero_with_one_line_naming_Auth__ApiKeys()
    {
        var (exitCode, output) = await SiloProcess.RunExpectingExit(Settings(withKey: false, signingKey: TestKeys.SigningKey), Timeout);

        Assert.NotEqual(0, exitCode);
        Assert.Single(output, line => line.Contains("Auth__ApiKeys", StringComparison.Ordinal));
        Assert.DoesNotContain(output, line => line.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_signing_key_outside_Development_the_silo_exits_non_zero_naming_Documents__SigningKey()
    {
        var (exitCode, output) = await SiloProcess.RunExpectingExit(Settings(withKey: true, signingKey: null), Timeout);

        Assert.NotEqual(0, exitCode);
        Assert.Single(output, line => line.Contains("Documents__SigningKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signing_key_shorter_than_32_bytes_is_refused_outside_Development()
    {
        var (exitCode, output) = await SiloProcess.RunExpectingExit(Settings(withKey: true, signingKey: new string('k', 31)), Timeout);

        Assert.NotEqual(0, exitCode);
        Assert.Single(output, line => line.Contains("Documents__SigningKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_rate_that_is_not_a_whole_number_is_refused_naming_its_variable_not_taken_for_no_key()
    {
        var output = await RefusedAtStart("Auth__ApiKeys__0__PermitsPerSecond", "abc");

        Assert.Single(output, line => line.Contains("Auth__ApiKeys__0__PermitsPerSecond", StringComparison.Ordinal));
        Assert.DoesNotContain(output, line => line.Contains("Auth__ApiKeys is not set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_duration_read_only_when_first_needed_that_is_not_a_duration_is_refused_at_start_naming_its_variable()
    {
        var output = await RefusedAtStart("Credentials__ProviderTimeout", "thirty seconds");

        Assert.Single(output, line => line.Contains("Credentials__ProviderTimeout", StringComparison.Ordinal));
        Assert.DoesNotContain(output, line => line.Contains("thirty seconds", StringComparison.Ordinal));
        Assert.DoesNotContain(output, line => line.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_port_that_is_not_a_number_is_refused_at_start_naming_its_variable()
    {
        var output = await RefusedAtStart("Orleans__SiloPort", "eleven");

        Assert.Single(output, line => line.Contains("Orleans__SiloPort must be a whole number", StringComparison.Ordinal));
        Assert.DoesNotContain(output, line => line.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_list_given_as_one_value_is_refused_at_start_naming_its_numbered_form()
    {
        var output = await RefusedAtStart("PaymentMethods__Available", "CREDIT_CARD");

        Assert.Single(output, line => line.Contains("PaymentMethods__Available__0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_delivery_horizon_that_is_not_positive_stops_the_silo_at_start()
    {
        var output = await RefusedAtStart("Events__DeliveryHorizon", "-01:00:00");

        Assert.Contains(output, line => line.Contains("DeliveryHorizon", StringComparison.Ordinal) && line.Contains("must be positive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_setting_that_converts_but_breaks_its_rule_ends_start_up_with_exit_code_1_and_one_line_naming_its_variable()
    {
        var (exitCode, output) = await StartedWith(("Tokenization__Timeout", "00:00:00"));

        Assert.Equal(1, exitCode);
        Assert.Single(output, line => line.Contains("Tokenization__Timeout must be positive", StringComparison.Ordinal));
        Assert.DoesNotContain(output, line => line.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_broken_rule_of_one_section_is_named_on_its_own_line()
    {
        var (_, output) = await StartedWith(("Credentials__ProviderRetryPeriod", "00:00:00"), ("Credentials__ProviderTimeout", "-00:00:01"));

        Assert.Single(output, line => line.Contains("Credentials__ProviderRetryPeriod must be positive", StringComparison.Ordinal));
        Assert.Single(output, line => line.Contains("Credentials__ProviderTimeout must be positive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_burst_smaller_than_one_refill_of_the_rate_is_refused_at_start()
    {
        var (exitCode, output) = await StartedWith(("RateLimiting__PermitsPerSecond", "1000"), ("RateLimiting__Burst", "0"));

        Assert.Equal(1, exitCode);
        Assert.Single(output, line => line.Contains("RateLimiting__Burst must hold at least one refill", StringComparison.Ordinal));
    }

    /// <summary>Starts the silo with every required setting and one more, and expects it to exit non-zero.</summary>
    private static async Task<IReadOnlyList<string>> RefusedAtStart(string variable, string value)
    {
        var (exitCode, output) = await StartedWith((variable, value));

        Assert.NotEqual(0, exitCode);
        return output;
    }

    /// <summary>Starts the silo with every required setting and these, and waits for it to exit.</summary>
    private static Task<(int ExitCode, IReadOnlyList<string> Output)> StartedWith(params (string Variable, string Value)[] extra)
    {
        var settings = Settings(withKey: true, signingKey: TestKeys.SigningKey);
        foreach (var (variable, value) in extra)
        {
            settings[variable] = value;
        }

        return SiloProcess.RunExpectingExit(settings, Timeout);
    }

    private static Dictionary<string, string> Settings(bool withKey, string? signingKey)
    {
        // An unreachable database: a start-up that got past the checks would fail differently, and later.
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Customers"] = "Host=127.0.0.1;Port=1;Database=none;Username=none",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        if (withKey)
        {
            settings["Auth__ApiKeys__0__Name"] = "admin";
            settings["Auth__ApiKeys__0__Key"] = TestKeys.Admin;
        }

        if (signingKey is not null)
        {
            settings["Documents__SigningKey"] = signingKey;
        }

        return settings;
    }
}
