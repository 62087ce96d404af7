namespace Customers.Tests.Infrastructure;

/// <summary>The API keys every test host is configured with.</summary>
public static class TestKeys
{
    public const string Org = "telco";
    public const string OtherOrg = "other-telco";

    public const string Admin = "admin-key-0123456789";
    public const string AdminName = "admin";
    public const string CustomersReader = "reader-key-0123456789";
    public const string OtherOrgAdmin = "other-org-key-0123456789";

    public static IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Auth:ApiKeys:0:Name", AdminName),
        new("Auth:ApiKeys:0:Key", Admin),
        new("Auth:ApiKeys:0:Orgs:0", "*"),
        new("Auth:ApiKeys:0:Permissions:0", "*"),
        new("Auth:ApiKeys:1:Name", "reader"),
        new("Auth:ApiKeys:1:Key", CustomersReader),
        new("Auth:ApiKeys:1:Orgs:0", Org),
        new("Auth:ApiKeys:1:Permissions:0", "customers:read"),
        new("Auth:ApiKeys:2:Name", "other"),
        new("Auth:ApiKeys:2:Key", OtherOrgAdmin),
        new("Auth:ApiKeys:2:Orgs:0", OtherOrg),
        new("Auth:ApiKeys:2:Permissions:0", "*"),
    ];
}
