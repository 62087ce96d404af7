namespace Customers.Grains;

public static class StorageNames
{
    /// <summary>The grain storage every grain of this service writes to.</summary>
    public const string Default = "customers";
}
