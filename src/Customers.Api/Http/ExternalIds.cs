namespace Customers.Api.Http;

public static class ExternalIds
{
    /// <summary>Whether <paramref name="raw"/> can be an external id at all (a decimal string); anything else is simply not found.</summary>
    public static bool IsWellFormed(string raw) => raw.Length is > 0 and <= 19 && raw.All(char.IsAsciiDigit);
}
