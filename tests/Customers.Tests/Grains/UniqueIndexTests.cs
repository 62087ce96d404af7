using Customers.Grains.Indexing;
using Customers.Tests.Infrastructure;
namespace Customers.Tests.Grains;

[Collection(GrainClusterCollection.Name)]
public class UniqueIndexTests(GrainClusterFixture fixture)
{
    private readonly string _org = $"org-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task A_reservation_whose_owner_never_came_to_exist_is_freed_once_its_grace_has_passed()
    {
        var nif = Requests.UniqueNif();
        var ghost = Guid.NewGuid();
        var index = fixture.Grains.GetGrain<IUniqueIndexGrain>(GrainClusterFixture.IndexKeys.For(_org, IndexKinds.Document, IndexKinds.DocumentValue("NIF", nif)));
        Assert.True(await index.Reserve(ghost, IndexKinds.DocumentValue("NIF", nif)));

        var early = await Customer().Create(Requests.Private(nif));
        Assert.Equal(OutcomeStatus.Conflict, early.Status);

        GrainClusterFixture.Clock.Advance(GrainClusterFixture.ReservationGrace + TimeSpan.FromSeconds(1));
        var late = await Customer().Create(Requests.Private(nif));

        Assert.True(late.IsOk);
        Assert.Equal(late.Value!.Id, await index.Owner());
    }

    [Fact]
    public async Task A_value_claimed_for_the_first_time_is_stored_without_reading_its_entry()
    {
        var nif = Requests.UniqueNif();
        var index = DocumentEntry(nif);

        var created = await Customer().Create(Requests.Private(nif));

        Assert.True(created.IsOk);
        Assert.Equal(0, FaultyGrainStorage.ReadsOf(index.GetGrainId()));
        Assert.Equal(created.Value!.Id, await index.Owner());
    }

    [Fact]
    public async Task A_value_held_before_its_entry_was_activated_is_refused_to_another_owner()
    {
        var nif = Requests.UniqueNif();
        var first = await Customer().Create(Requests.Private(nif));
        Assert.False(await StaysActive(DocumentEntry(nif)));

        var second = await Customer().Create(Requests.Private(nif));

        Assert.True(first.IsOk);
        Assert.Equal(OutcomeStatus.Conflict, second.Status);
        Assert.Equal(first.Value!.Id, await DocumentEntry(nif).Owner());
    }

    [Fact]
    public async Task A_live_owner_keeps_its_value_however_old_the_reservation()
    {
        var nif = Requests.UniqueNif();
        var first = await Customer().Create(Requests.Private(nif));
        GrainClusterFixture.Clock.Advance(TimeSpan.FromDays(1));

        var second = await Customer().Create(Requests.Private(nif));

        Assert.True(first.IsOk);
        Assert.Equal(OutcomeStatus.Conflict, second.Status);
    }

    [Fact]
    public async Task A_deleted_customer_frees_its_document_at_once()
    {
        var nif = Requests.UniqueNif();
        var owner = Customer();
        Assert.True((await owner.Create(Requests.Private(nif))).IsOk);
        Assert.True((await owner.Delete()).IsOk);

        var again = await Customer().Create(Requests.Private(nif));

        Assert.True(again.IsOk);
    }

    [Fact]
    public async Task Concurrent_creates_with_one_document_make_exactly_one_customer()
    {
        var nif = Requests.UniqueNif();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Customer().Create(Requests.Private(nif))));

        Assert.Equal(1, outcomes.Count(o => o.IsOk));
        Assert.Equal(19, outcomes.Count(o => o.Status == OutcomeStatus.Conflict));
    }

    /// <summary>Whether the entry is still active a few seconds on (a settled claim lets it go, asynchronously).</summary>
    private async Task<bool> StaysActive(IUniqueIndexGrain entry)
    {
        var id = entry.GetGrainId();
        return await Eventually.Until(
            async () => (await fixture.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics()).Any(s => s.GrainId == id),
            active => !active,
            TimeSpan.FromSeconds(10));
    }

    private IUniqueIndexGrain DocumentEntry(string nif) =>
        fixture.Grains.GetGrain<IUniqueIndexGrain>(GrainClusterFixture.IndexKeys.For(_org, IndexKinds.Document, IndexKinds.DocumentValue("NIF", nif)));

    private ICustomerGrain Customer() => fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(_org, Guid.NewGuid()));
}
