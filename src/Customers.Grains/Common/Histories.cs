namespace Customers.Grains;

/// <summary>
/// A live record keeps only the newest entries of each history list, so no sequence of requests can
/// grow a stored row (and the cost of rewriting it) without bound.
/// </summary>
public static class Histories
{
    public const int MaxEntries = 200;

    /// <summary>Drops the oldest entries of a list kept oldest first.</summary>
    public static void KeepNewest<T>(List<T> list)
    {
        if (list.Count > MaxEntries)
        {
            list.RemoveRange(0, list.Count - MaxEntries);
        }
    }
}
