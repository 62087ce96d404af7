using Customers.Grains.Indexing;
using Orleans.Runtime;

namespace Customers.Tests.Grains;

/// <summary>
/// The one way every path claims unique values: reserve, write the owner, confirm, and free on any
/// failure. The owner here is a stand-in whose write and stored values the test decides.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public class UniqueClaimTests(GrainClusterFixture fixture)
{
    private readonly string _org = $"org-{Guid.NewGuid():N}"[..20];
    private readonly Guid _owner = Guid.NewGuid();
    private readonly HashSet<UniqueValue> _stored = [];

    [Fact]
    public async Task A_claim_whose_write_is_stored_keeps_every_value()
    {
        var values = Values(2);
        var claim = await Reserve(values);

        var lost = await claim.Commit(Store(values), _stored.Contains, NoUndo);

        Assert.Null(lost);
        Assert.All(await Owners(values), o => Assert.Equal(_owner, o));
    }

    [Fact]
    public async Task A_value_another_owner_holds_refuses_the_claim_and_frees_what_it_reserved()
    {
        var (free, taken) = (Value(), Value());
        Assert.True(await Index(taken).Reserve(Guid.NewGuid(), taken.Value));

        var claim = await Reserve([free, taken]);

        Assert.Equal(taken, claim.Refused);
        Assert.Null(await Index(free).Owner());
    }

    [Fact]
    public async Task An_index_that_cannot_be_written_fails_the_claim_and_frees_what_it_reserved()
    {
        var (free, broken) = (Value(), Value());
        using (FaultyGrainStorage.FailWrites(Index(broken).GetGrainId()))
        {
            await Assert.ThrowsAsync<OrleansException>(() => Reserve([free, broken]));
        }

        Assert.Null(await Index(free).Owner());
        Assert.Null(await Index(broken).Owner());
    }

    [Fact]
    public async Task A_write_that_fails_frees_every_value_and_reports_its_own_fault()
    {
        var values = Values(2);
        var claim = await Reserve(values);

        await Assert.ThrowsAsync<TimeoutException>(() => claim.Commit(() => throw new TimeoutException(), _stored.Contains, NoUndo));

        Assert.All(await Owners(values), Assert.Null);
        Assert.True((await UniqueClaim.Reserve(fixture.Grains, GrainClusterFixture.IndexKeys, _org, Guid.NewGuid(), values)).Refused is null);
    }

    [Fact]
    public async Task A_write_that_fails_after_it_was_stored_keeps_what_the_stored_owner_holds()
    {
        var values = Values(2);
        var claim = await Reserve(values);

        await Assert.ThrowsAsync<TimeoutException>(() => claim.Commit(
            () =>
            {
                _stored.UnionWith(values);
                throw new TimeoutException();
            },
            _stored.Contains,
            NoUndo));

        Assert.All(await Owners(values), o => Assert.Equal(_owner, o));
    }

    [Fact]
    public async Task A_write_that_fails_still_reports_its_own_fault_when_freeing_fails_too()
    {
        var value = Value();
        var claim = await Reserve([value]);

        using (FaultyGrainStorage.FailWrites(Index(value).GetGrainId()))
        {
            await Assert.ThrowsAsync<TimeoutException>(() => claim.Commit(() => throw new TimeoutException(), _stored.Contains, NoUndo));
        }

        Assert.Equal(_owner, await Index(value).Owner());
    }

    [Fact]
    public async Task A_value_taken_over_during_the_write_undoes_the_write_frees_the_rest_and_is_answered()
    {
        var (kept, contested) = (Value(), Value());
        var claim = await Reserve([kept, contested]);
        var undone = false;
        var rival = Guid.NewGuid();

        var lost = await claim.Commit(
            async () =>
            {
                // The write outlasts the grace: the index asks the owner, whose stored state does not
                // hold the value yet, and hands it to the rival.
                GrainClusterFixture.Clock.Advance(GrainClusterFixture.ReservationGrace + TimeSpan.FromSeconds(1));
                Assert.True(await Index(contested).Reserve(rival, contested.Value));
                _stored.UnionWith([kept, contested]);
            },
            _stored.Contains,
            () =>
            {
                undone = true;
                _stored.Clear();
                return Task.CompletedTask;
            });

        Assert.Equal(contested, lost);
        Assert.True(undone);
        Assert.Null(await Index(kept).Owner());
        Assert.Equal(rival, await Index(contested).Owner());
    }

    [Fact]
    public async Task An_abandoned_claim_frees_its_values()
    {
        var values = Values(2);
        var claim = await Reserve(values);

        await claim.Abandon();

        Assert.All(await Owners(values), Assert.Null);
    }

    [Fact]
    public async Task Freeing_leaves_a_value_another_owner_holds_alone()
    {
        var value = Value();
        var holder = Guid.NewGuid();
        Assert.True(await Index(value).Reserve(holder, value.Value));

        await UniqueClaim.Free(fixture.Grains, GrainClusterFixture.IndexKeys, _org, _owner, [value]);

        Assert.Equal(holder, await Index(value).Owner());
    }

    private static Task NoUndo() => throw new InvalidOperationException("nothing was taken over: no undo");

    private Func<Task> Store(IEnumerable<UniqueValue> values) => () =>
    {
        _stored.UnionWith(values);
        return Task.CompletedTask;
    };

    private Task<UniqueClaim> Reserve(IEnumerable<UniqueValue> values) => UniqueClaim.Reserve(fixture.Grains, GrainClusterFixture.IndexKeys, _org, _owner, values);

    private async Task<Guid?[]> Owners(IEnumerable<UniqueValue> values) => await Task.WhenAll(values.Select(v => Index(v).Owner()));

    private static UniqueValue Value() => new(IndexKinds.Document, IndexKinds.DocumentValue("NIF", Requests.UniqueNif()));

    private static UniqueValue[] Values(int count) => [.. Enumerable.Range(0, count).Select(_ => Value())];

    private IUniqueIndexGrain Index(UniqueValue value) =>
        fixture.Grains.GetGrain<IUniqueIndexGrain>(GrainClusterFixture.IndexKeys.For(_org, value));
}
