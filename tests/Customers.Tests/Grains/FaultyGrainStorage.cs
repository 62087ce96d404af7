using System.Collections.Concurrent;
using Orleans.Storage;

namespace Customers.Tests.Grains;

/// <summary>
/// Grain storage for the test cluster that fails (or delays) chosen writes before they reach the
/// storage it wraps, as a PostgreSQL write that errors or times out would: the write is not stored.
/// A fault armed <c>afterStoring</c> fails the write once it is stored, as a commit whose answer was lost.
/// Faults are armed per grain, so tests sharing the cluster do not see each other's. It also counts
/// each grain's reads.
/// </summary>
public sealed class FaultyGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private static readonly ConcurrentDictionary<WriteFault, Func<GrainId, bool>> Faults = new();
    private static readonly ConcurrentDictionary<GrainId, int> Reads = new();

    /// <summary>How many times <paramref name="grain"/>'s state has been read.</summary>
    public static int ReadsOf(GrainId grain) => Reads.GetValueOrDefault(grain);

    /// <summary>
    /// Fails the writes of <paramref name="grain"/> numbered <paramref name="skip"/>+1 to
    /// <paramref name="skip"/>+<paramref name="times"/> from now, each after <paramref name="delay"/>.
    /// Disposing disarms what is left.
    /// </summary>
    public static WriteFault FailWrites(GrainId grain, int times = 1, int skip = 0, TimeSpan delay = default, bool afterStoring = false) =>
        FailWritesWhere(id => id == grain, times, skip, delay, afterStoring);


    /// <summary>As <see cref="FailWrites"/>, counting the writes of every grain that <paramref name="matches"/> together.</summary>
    /// <param name="failure">What the failed write throws; by default an <see cref="InjectedStorageFault"/>.</param>
    public static WriteFault FailWritesWhere(
        Func<GrainId, bool> matches,
        int times = 1,
        int skip = 0,
        TimeSpan delay = default,
        bool afterStoring = false,
        Func<Exception>? failure = null)
    {
        var fault = new WriteFault(skip, times, delay, afterStoring, failure);
        Faults[fault] = matches;
        return fault;
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Reads.AddOrUpdate(grainId, 1, (_, n) => n + 1);
        return inner.ReadStateAsync(stateName, grainId, grainState);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var fault = Armed(grainId);
        if (fault is { AfterStoring: true })
        {
            var etag = grainState.ETag;
            await inner.WriteStateAsync(stateName, grainId, grainState);
            // The caller never learns the new ETag, as when the commit's answer is lost.
            grainState.ETag = etag;
        }

        await Inject(fault, grainId);
        if (fault is not { AfterStoring: true })
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await Inject(Armed(grainId), grainId);
        await inner.ClearStateAsync(stateName, grainId, grainState);
    }

    /// <summary>The fault that fails this write of <paramref name="grainId"/>, if one does.</summary>
    private static WriteFault? Armed(GrainId grainId)
    {
        var fault = Faults.FirstOrDefault(f => f.Value(grainId)).Key;
        return fault is not null && fault.NextFails() ? fault : null;
    }

    private static async Task Inject(WriteFault? fault, GrainId grainId)
    {
        if (fault is null)
        {
            return;
        }

        if (fault.Delay > TimeSpan.Zero)
        {
            await Task.Delay(fault.Delay);
        }

        throw fault.Failure?.Invoke() ?? new InjectedStorageFault($"write of {grainId} failed by the test");
    }

    /// <summary>An armed fault; disposing it disarms what is left of it.</summary>
    public sealed class WriteFault(int skip, int times, TimeSpan delay, bool afterStoring, Func<Exception>? failure = null) : IDisposable
    {
        private int _seen;
        private int _failed;

        public TimeSpan Delay { get; } = delay;

        public bool AfterStoring { get; } = afterStoring;

        public Func<Exception>? Failure { get; } = failure;

        /// <summary>How many writes this fault has failed.</summary>
        public int Failed => Volatile.Read(ref _failed);

        public void Dispose() => Faults.TryRemove(this, out _);

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
}

[GenerateSerializer]
public sealed class InjectedStorageFault(string message) : Exception(message);
