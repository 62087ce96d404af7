using System.Collections.Concurrent;
using Orleans.Storage;

namespace Customers.Tests.Grains;

/// <summary>
/// Grain storage for the test cluster that fails (or delays) chosen writes before they reach the
/// storage it wraps, as a PostgreSQL write that errors or times out would: the write is not stored.
/// Faults are armed per grain, so tests sharing the cluster do not see each other's.
/// </summary>
public sealed class FaultyGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private static readonly ConcurrentDictionary<GrainId, WriteFault> Faults = new();

    /// <summary>
    /// Fails the writes of <paramref name="grain"/> numbered <paramref name="skip"/>+1 to
    /// <paramref name="skip"/>+<paramref name="times"/> from now, each after <paramref name="delay"/>.
    /// Disposing disarms what is left.
    /// </summary>
    public static IDisposable FailWrites(GrainId grain, int times = 1, int skip = 0, TimeSpan delay = default)
    {
        var fault = new WriteFault(skip, times, delay);
        Faults[grain] = fault;
        return new Disarm(grain, fault);
    }

    /// <summary>How many writes of the grain were failed since its fault was armed.</summary>
    public static int Failed(GrainId grain) => Faults.TryGetValue(grain, out var fault) ? fault.FailedCount : 0;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await Inject(grainId);
        await inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await Inject(grainId);
        await inner.ClearStateAsync(stateName, grainId, grainState);
    }

    private static async Task Inject(GrainId grainId)
    {
        if (!Faults.TryGetValue(grainId, out var fault) || !fault.NextFails())
        {
            return;
        }

        if (fault.Delay > TimeSpan.Zero)
        {
            await Task.Delay(fault.Delay);
        }

        throw new InjectedStorageFault($"write of {grainId} failed by the test");
    }

    private sealed class WriteFault(int skip, int times, TimeSpan delay)
    {
        private int _seen;
        private int _failed;

        public TimeSpan Delay { get; } = delay;

        public int FailedCount => Volatile.Read(ref _failed);

        public bool NextFails()
        {
            var n = Interlocked.Increment(ref _seen);
            if (n <= skip || n > skip + times)
            {
                return false;
            }

            Interlocked.Increment(ref _failed);
            return true;
        }
    }

    private sealed class Disarm(GrainId grain, WriteFault fault) : IDisposable
    {
        public void Dispose() => Faults.TryRemove(new KeyValuePair<GrainId, WriteFault>(grain, fault));
    }
}

[GenerateSerializer]
public sealed class InjectedStorageFault(string message) : Exception(message);
