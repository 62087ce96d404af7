using Orleans.Concurrency;

namespace Customers.Grains.Indexing;

/// <summary>
/// What a unique index asks the owner of a reservation before freeing it. Not in the abstractions:
/// holding a value is wider than being found by it (a username the identity provider still knows
/// stays taken, yet finds no one).
/// </summary>
public interface IIndexedValueHolder : IGrainWithStringKey
{
    /// <summary>Interleaves, as <see cref="ICustomerGrain.ResolveIndexed"/> does: the owner may be waiting on that same index.</summary>
    [AlwaysInterleave]
    Task<bool> HoldsIndexed(string kind, string value);
}
