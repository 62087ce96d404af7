using Customers.Grains.Events;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Customers.Tests.Grains;

/// <summary>
/// The sequencer on its own, over an event store whose passes take a while: what a caller of
/// <see cref="IEventSequencerGrain.SequenceNow"/> waits for while writes keep nudging it.
/// </summary>
public sealed class EventSequencerTests : IClassFixture<EventSequencerTests.Cluster>
{
    private readonly Cluster _cluster;

    public EventSequencerTests(Cluster cluster) => _cluster = cluster;

    [Fact]
    public async Task A_caller_waiting_for_positions_is_answered_while_writes_keep_nudging_the_sequencer()
    {
        var sequencer = _cluster.Grains.GetGrain<IEventSequencerGrain>($"org-{Guid.NewGuid():N}");
        using var writes = new CancellationTokenSource();
        var nudging = Task.Run(async () =>
        {
            while (!writes.IsCancellationRequested)
            {
                await sequencer.Nudge();
                await Task.Delay(5);
            }
        });
        await Task.Delay(SlowPasses.PassTime * 2);

        var answered = await sequencer.SequenceNow().WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(t => t.IsCompletedSuccessfully);
        var nudgesStillComing = !nudging.IsCompleted;
        await writes.CancelAsync();
        await nudging;

        Assert.True(answered);
        Assert.True(nudgesStillComing);
    }

    [Fact]
    public async Task A_caller_waiting_for_positions_is_answered_by_a_pass_that_started_after_it_asked()
    {
        var org = $"org-{Guid.NewGuid():N}";
        var sequencer = _cluster.Grains.GetGrain<IEventSequencerGrain>(org);
        await sequencer.Nudge();
        await Task.Delay(SlowPasses.PassTime / 2);

        var asked = DateTime.UtcNow;
        await sequencer.SequenceNow();

        Assert.Contains(_cluster.Store.PassStarts(org), start => start >= asked);
    }

    /// <summary>An event store whose positioning passes each take <see cref="PassTime"/> and find nothing.</summary>
    public sealed class SlowPasses : IEventStore
    {
        public static readonly TimeSpan PassTime = TimeSpan.FromMilliseconds(200);

        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<DateTime>> _starts = new();

        public IReadOnlyList<DateTime> PassStarts(string org)
        {
            var starts = _starts.GetOrAdd(org, _ => []);
            lock (starts)
            {
                return [.. starts];
            }
        }

        public async Task<IReadOnlyList<CustomerEvent>> Sequence(string org, int limit, CancellationToken cancellationToken = default)
        {
            var starts = _starts.GetOrAdd(org, _ => []);
            lock (starts)
            {
                starts.Add(DateTime.UtcNow);
            }

            await Task.Delay(PassTime, cancellationToken);
            return [];
        }

        public Task<IReadOnlyList<CustomerEvent>> ReadAfter(string org, long after, int limit, IReadOnlyList<string> typePrefixes, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<long> LastPosition(string org, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<string>> OrgsWithUnpositioned(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<string>> OrgsNeverSequenced(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    public sealed class Cluster : IAsyncLifetime
    {
        private readonly TestCluster _cluster = new TestClusterBuilder(1).AddSiloBuilderConfigurator<Configurator>().Build();

        public IGrainFactory Grains => _cluster.GrainFactory;

        public SlowPasses Store => ((InProcessSiloHandle)_cluster.Primary!).SiloHost!.Services.GetRequiredService<SlowPasses>();

        public Task InitializeAsync() => _cluster.DeployAsync();

        public Task DisposeAsync() => _cluster.StopAllSilosAsync();

        private sealed class Configurator : ISiloConfigurator
        {
            public void Configure(ISiloBuilder siloBuilder)
            {
                siloBuilder.Services.AddSingleton<SlowPasses>();
                siloBuilder.Services.AddSingleton<IEventStore>(s => s.GetRequiredService<SlowPasses>());
            }
        }
    }
}
