namespace Customers.Api.Auth;

public sealed class ApiKeyOptions
{
    public const string Section = "Auth";

    public List<ApiKeyEntry> ApiKeys { get; set; } = [];
}

public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    public List<string> Orgs { get; set; } = [];
    public List<string> Permissions { get; set; } = [];

    /// <summary>This key's own rate (burst twice that); 0 = unlimited; absent = <c>RateLimiting:PermitsPerSecond</c>.</summary>
    public int? PermitsPerSecond { get; set; }
}
