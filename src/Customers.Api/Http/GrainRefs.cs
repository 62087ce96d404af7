using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Customers.Api.Http;

/// <summary>
/// Grain references reused across requests. Orleans builds each new reference by resolving the
/// interface's type from its attributes and constructing a proxy whose copiers come from the
/// service provider; profiled, that was about 8 % of the silo's CPU on a GET. A reference is
/// immutable and thread-safe, so one per key serves every request. Per grain factory (a test
/// process hosts several silos), and emptied when it grows past a bound, so a scan over many
/// ids holds no more than that.
/// </summary>
public static class GrainRefs
{
    private const int MaxPerInterface = 250_000;

    private static readonly ConditionalWeakTable<IGrainFactory, Caches> PerFactory = new();

    public static T Ref<T>(this IGrainFactory grains, string key) where T : IGrainWithStringKey
    {
        var cache = PerFactory.GetValue(grains, _ => new Caches()).For<T>();
        if (cache.Items.TryGetValue(key, out var found))
        {
            return found;
        }

        var created = grains.GetGrain<T>(key);
        // ConcurrentDictionary.Count takes every lock of the table: the size is counted on the side.
        if (Interlocked.Increment(ref cache.Count) > MaxPerInterface)
        {
            cache.Items.Clear();
            Interlocked.Exchange(ref cache.Count, 0);
        }

        return cache.Items.GetOrAdd(key, created);
    }

    private sealed class Cache<T>
    {
        public readonly ConcurrentDictionary<string, T> Items = new(StringComparer.Ordinal);
        public int Count;
    }

    private sealed class Caches
    {
        private readonly ConcurrentDictionary<Type, object> _byInterface = new();

        public Cache<T> For<T>() => (Cache<T>)_byInterface.GetOrAdd(typeof(T), static _ => new Cache<T>());
    }
}
