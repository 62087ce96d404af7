using Customers.Grains.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace Customers.Tests.Grains;

/// <summary>A lookup asks the owner this silo last saw first; an owner that no longer holds the value never answers for it.</summary>
[Collection(GrainClusterCollection.Name)]
public class IndexOwnerHintsTests(GrainClusterFixture fixture)
{
    private readonly string _org = $"org-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task A_search_finds_the_new_owner_of_a_document_its_last_owner_gave_up()
    {
        var nif = Requests.UniqueNif();
        var first = Customer(Guid.NewGuid());
        Assert.True((await first.Create(Requests.Private(nif))).IsOk);
        Assert.NotNull((await Directory.Search(nif, "NIF", null)).Value);
        Assert.True((await first.Delete()).IsOk);
        var secondId = Guid.NewGuid();
        Assert.True((await Customer(secondId).Create(Requests.Private(nif))).IsOk);

        var found = await Directory.Search(nif, "NIF", null);

        Assert.Equal(secondId, found.Value!.Id);
    }

    [Fact]
    public async Task A_search_for_a_document_nobody_holds_any_more_finds_nothing()
    {
        var nif = Requests.UniqueNif();
        var owner = Customer(Guid.NewGuid());
        Assert.True((await owner.Create(Requests.Private(nif))).IsOk);
        Assert.NotNull((await Directory.Search(nif, "NIF", null)).Value);
        Assert.True((await owner.Delete()).IsOk);

        var found = await Directory.Search(nif, "NIF", null);

        Assert.Equal(OutcomeStatus.NotFound, found.Status);
    }

    [Fact]
    public async Task A_hint_whose_owner_no_longer_holds_the_value_is_forgotten_by_the_lookup_that_finds_it_so()
    {
        var nif = Requests.UniqueNif();
        var hints = fixture.Services().GetRequiredService<IndexOwnerHints>();
        var key = GrainClusterFixture.IndexKeys.For(_org, IndexKinds.Document, IndexKinds.DocumentValue("NIF", nif));
        hints.Remember(key, Guid.NewGuid());

        var found = await Directory.Search(nif, "NIF", null);

        Assert.Equal(OutcomeStatus.NotFound, found.Status);
        Assert.False(hints.TryGet(key, out _));
    }

    [Fact]
    public void Hints_start_over_rather_than_grow_without_bound()
    {
        var hints = new IndexOwnerHints();
        for (var i = 0; i < 250_001; i++)
        {
            hints.Remember($"org/document/{i}", Guid.Empty);
        }

        Assert.False(hints.TryGet("org/document/0", out _));
        Assert.True(hints.TryGet("org/document/250000", out _));
    }

    private ICustomerDirectoryGrain Directory => fixture.Grains.GetGrain<ICustomerDirectoryGrain>(_org);

    private ICustomerGrain Customer(Guid id) => fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(_org, id));
}
