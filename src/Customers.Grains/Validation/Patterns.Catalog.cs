using System.Text.RegularExpressions;

namespace Customers.Grains.Validation;

public static partial class Patterns
{
    [GeneratedRegex(@"^[A-Za-z0-9_]{1,50}\z")]
    public static partial Regex CategoryName();

    /// <summary>A customer's category value and a special-treatment value.</summary>
    [GeneratedRegex(@"^[a-z0-9_]{1,50}\z")]
    public static partial Regex CatalogValue();
}
