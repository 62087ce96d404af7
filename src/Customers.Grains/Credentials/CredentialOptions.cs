namespace Customers.Grains.Credentials;

public sealed class CredentialOptions
{
    public const string Section = "Credentials";

    /// <summary>
    /// How often a call the identity provider has not confirmed is tried again. It is the period of an
    /// Orleans reminder, so it cannot be shorter than <c>ReminderOptions.MinimumReminderPeriod</c>.
    /// </summary>
    public TimeSpan ProviderRetryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one identity provider call may take before it counts as failed.</summary>
    public TimeSpan ProviderTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
