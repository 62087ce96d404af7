using System.Text.RegularExpressions;

namespace Customers;

/// <summary>The tenant id ("organization name") of every path.</summary>
public static partial class OrgIds
{
    public static bool IsValid(string org) => Pattern().IsMatch(org);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,49}\z")]
    private static partial Regex Pattern();
}
