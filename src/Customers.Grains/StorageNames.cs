namespace Customers.Grains;

public static class StorageNames
{
    /// <summary>The grain storage every grain of this service writes to.</summary>
    public const string Default = "customers";

    /// <summary>
    /// The same table for the unique-index grains, whose key holds the value they index: a released
    /// value deletes its row rather than leaving it with an empty payload. Rows are found by grain
    /// type and key, not by provider name, so rows written through <see cref="Default"/> still read.
    /// </summary>
    public const string Index = "customers-index";
}
