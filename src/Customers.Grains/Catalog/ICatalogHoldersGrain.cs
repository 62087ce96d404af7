namespace Customers.Grains.Catalog;

/// <summary>
/// Who holds the values of one catalogue scope (a category, or the org's special treatment),
/// for the customers of one bucket. Key: <see cref="GrainKeys.CatalogHolders"/>, bucket from
/// <see cref="HolderBuckets"/>. Customer grains record here what they take before they take it
/// and what they drop after they dropped it, so the entries may name a customer that does not
/// (yet, or any longer) hold the value, never miss one that does. The catalogue asks the buckets
/// before it removes a value, and has them end a deleted category on their holders.
/// </summary>
public interface ICatalogHoldersGrain : IGrainWithStringKey
{
    /// <summary>
    /// <paramref name="customer"/> is about to hold <paramref name="value"/> (null: a held association
    /// without a value). <paramref name="previous"/>, the value it holds until its change is stored,
    /// stays counted as possibly held until <see cref="Settle"/> or <see cref="Restore"/>.
    /// </summary>
    Task Acquire(Guid customer, string? value, string? previous);

    /// <summary>The customer stored what it acquired: the value it held before is no longer held.</summary>
    Task Settle(Guid customer);

    /// <summary>The customer did not store what it acquired: it still holds <paramref name="previous"/>.</summary>
    Task Restore(Guid customer, string? previous);

    /// <summary>The customer holds nothing of this scope any more.</summary>
    Task Release(Guid customer);

    /// <summary>
    /// A non-null value outside <paramref name="keep"/> that a customer of the bucket holds or may be
    /// about to hold; null when there is none. Each believed holder is asked, and those that deny it are forgotten.
    /// </summary>
    Task<string?> FindHeldOutside(List<string> keep);

    /// <summary>Holders per non-null value.</summary>
    Task<Dictionary<string, int>> Count();

    /// <summary>
    /// The category was deleted: ends it on every holder of the bucket at <paramref name="endedAt"/> in the
    /// name of <paramref name="actor"/>, forgetting each holder told. Throws when some could not be told;
    /// calling again tells only those.
    /// </summary>
    Task EndCategory(DateTime endedAt, string actor);
}
