namespace Customers;

/// <summary>
/// The UUIDs the contract takes: the 36-character hyphenated form, nothing around it. The framework's
/// parser forgives surrounding white space, which would let a trailing newline through (§12).
/// </summary>
public static class Uuids
{
    public const int Length = 36;

    public static bool TryParse(string? value, out Guid id)
    {
        if (value is { Length: Length } && Guid.TryParseExact(value, "D", out id))
        {
            return true;
        }

        id = Guid.Empty;
        return false;
    }
}
