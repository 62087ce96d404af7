using System.Collections.Concurrent;

namespace Customers.Grains.Indexing;

/// <summary>
/// The owner this silo last saw for each unique value, so a lookup (a search by document, a
/// tokenization result) asks the owner directly instead of activating the value's index grain,
/// which costs a storage read once the index has been collected. Only a hint: the owner confirms
/// from its stored state, and a miss or a refusal falls back to the index grain.
/// </summary>
public sealed class IndexOwnerHints
{
    /// <summary>Past this many values the hints start over: about 150 bytes each.</summary>
    private const int Capacity = 250_000;

    private readonly ConcurrentDictionary<string, Guid> _owners = new(StringComparer.Ordinal);
    private int _count;

    public bool TryGet(string indexKey, out Guid owner) => _owners.TryGetValue(indexKey, out owner);

    public void Remember(string indexKey, Guid owner)
    {
        if (Volatile.Read(ref _count) >= Capacity)
        {
            _owners.Clear();
            Volatile.Write(ref _count, 0);
        }

        if (_owners.TryAdd(indexKey, owner))
        {
            Interlocked.Increment(ref _count);
        }
        else
        {
            _owners[indexKey] = owner;
        }
    }

    public void Forget(string indexKey)
    {
        if (_owners.TryRemove(indexKey, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
