namespace Customers.Grains.Indexing;

/// <summary>
/// Owner of one unique value of one org. Key: the value's pseudonym (<see cref="IndexKeys"/>).
/// Uniqueness across grains goes reserve → write the owner → <see cref="IsHeldBy"/>.
/// A reservation whose owner never came to exist, or moved on, is freed when someone else asks.
/// </summary>
public interface IUniqueIndexGrain : IGrainWithStringKey
{
    /// <summary>
    /// Reserves the value for <paramref name="owner"/>; false when a live owner holds it.
    /// <paramref name="value"/> is the value the key stands for, asked of a holder that may have
    /// given it up; it is never stored.
    /// </summary>
    Task<bool> Reserve(Guid owner, string value);

    /// <summary>Whether the value is still reserved for <paramref name="owner"/> (an owner checks after writing itself).</summary>
    Task<bool> IsHeldBy(Guid owner);

    /// <summary>Frees the value when <paramref name="owner"/> holds it.</summary>
    Task Release(Guid owner);

    /// <summary>The recorded owner, or null. Callers confirm it with the owner before trusting it.</summary>
    Task<Guid?> Owner();
}
