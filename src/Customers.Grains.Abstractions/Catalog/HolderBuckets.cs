using System.Globalization;

namespace Customers;

/// <summary>
/// Where the holders of a catalogue value are kept: per scope (one category, or the org's special
/// treatment) in <see cref="Count"/> buckets, a customer always in the same one. The bucket comes
/// from a hash of the customer id's bytes, stable across processes and versions; changing the
/// hash or <see cref="Count"/> would strand every stored holder in a bucket no one reads.
/// </summary>
public static class HolderBuckets
{
    public const int Count = 64;

    public const string SpecialTreatment = "special-treatment";

    public static string CategoryScope(int categoryId) => categoryId.ToString(CultureInfo.InvariantCulture);

    /// <summary>FNV-1a over the 16 bytes of the id, in the layout <see cref="Guid.TryWriteBytes(Span{byte})"/> defines.</summary>
    public static int Of(Guid customer)
    {
        Span<byte> bytes = stackalloc byte[16];
        customer.TryWriteBytes(bytes);
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % Count);
    }

    public static string Key(string org, string scope, Guid customer) => GrainKeys.CatalogHolders(org, scope, Of(customer));

    public static IEnumerable<string> AllKeys(string org, string scope) =>
        Enumerable.Range(0, Count).Select(bucket => GrainKeys.CatalogHolders(org, scope, bucket));

    /// <summary>The category id of a scope, or null for <see cref="SpecialTreatment"/>.</summary>
    public static int? CategoryOf(string scope) =>
        scope == SpecialTreatment ? null : int.Parse(scope, NumberStyles.None, CultureInfo.InvariantCulture);
}
