namespace Customers.Tests.Infrastructure;

/// <summary>The API keys and the document signing key every test host is configured with.</summary>
public static class TestKeys
{
    public const string Org = "telco";
    public const string OtherOrg = "other-telco";

    public const string Admin = "admin-key-0123456789";
    public const string AdminName = "admin";
    public const string CustomersReader = "reader-key-0123456789";
    public const string OtherOrgAdmin = "other-org-key-0123456789";
    public const string Operator = "ops-key-0123456789";
    public const string EventsReader = "events-reader-key-0123456789";

    /// <summary>Every silo of a test cluster signs alike, as the service requires outside Development.</summary>
    public const string SigningKey = "test-document-signing-key-0123456789abcdef";

    /// <summary>Every key a log line must never hold.</summary>
    public static IEnumerable<string> All => [Admin, CustomersReader, OtherOrgAdmin, Operator, EventsReader];

    /// <summary>
    /// The admin key is unlimited and anonymous callers get a high rate, so only the tests about rate
    /// limits (on hosts of their own) ever meet one.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Auth:ApiKeys:0:Name", AdminName),
        new("Auth:ApiKeys:0:Key", Admin),
        new("Auth:ApiKeys:0:Orgs:0", "*"),
        new("Auth:ApiKeys:0:Permissions:0", "*"),
        new("Auth:ApiKeys:0:PermitsPerSecond", "0"),
        new("Auth:ApiKeys:1:Name", "reader"),
        new("Auth:ApiKeys:1:Key", CustomersReader),
        new("Auth:ApiKeys:1:Orgs:0", Org),
        new("Auth:ApiKeys:1:Permissions:0", "customers:read"),
        new("Auth:ApiKeys:2:Name", "other"),
        new("Auth:ApiKeys:2:Key", OtherOrgAdmin),
        new("Auth:ApiKeys:2:Orgs:0", OtherOrg),
        new("Auth:ApiKeys:2:Permissions:0", "*"),
        new("Auth:ApiKeys:3:Name", "operator"),
        new("Auth:ApiKeys:3:Key", Operator),
        new("Auth:ApiKeys:3:Permissions:0", "ops:read"),
        new("Auth:ApiKeys:4:Name", "events-reader"),
        new("Auth:ApiKeys:4:Key", EventsReader),
        new("Auth:ApiKeys:4:Orgs:0", Org),
        new("Auth:ApiKeys:4:Permissions:0", "events:read"),
        new("Documents:SigningKey", SigningKey),
        new("RateLimiting:AnonymousPerSecond", "10000"),
    ];
}
