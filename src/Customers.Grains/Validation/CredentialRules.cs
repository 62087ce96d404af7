namespace Customers.Grains.Validation;

/// <summary>Rules of the credential requests (contract §10).</summary>
public static class CredentialRules
{
    /// <summary>An e-mail of at most 82 characters, NFC; returns it.</summary>
    public static string? Username(Violations v, string? username) =>
        SharedRules.Email(v, username, "username", required: true);

    /// <summary>A <c>yyyy-MM-dd</c> date, or null to remove it. Past dates are allowed: expiry is only reported.</summary>
    public static DateOnly? ExpirationDate(Violations v, string? value) =>
        v.Date(value, "expiration_date", required: false);
}
