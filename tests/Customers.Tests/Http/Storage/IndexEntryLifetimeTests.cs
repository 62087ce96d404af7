using System.Net;
using Customers.Grains.Indexing;
using Customers.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Customers.Tests.Http.Storage;

/// <summary>
/// An index entry stays in memory only while something asks it: a settled claim or a freed value
/// lets it go at once, rather than with the collector's next sweep of everything that expired.
/// </summary>
[Collection(ApiCollection.Name)]
public class IndexEntryLifetimeTests(ApiHostFixture api)
{
    private const string Customers = "/v4/orgs/telco/customers";
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task A_created_customers_document_entry_leaves_memory_once_the_creation_is_confirmed()
    {
        var nif = Bodies.UniqueNif();
        await (await _client.PostJson(Customers, Bodies.Private(nif))).AssertStatus(HttpStatusCode.Created);

        Assert.False(await StaysActive(DocumentEntry(nif)));
    }

    [Fact]
    public async Task A_deleted_customers_document_entry_is_freed_and_leaves_memory()
    {
        var nif = Bodies.UniqueNif();
        var id = (string)(await (await _client.PostJson(Customers, Bodies.Private(nif))).AssertStatus(HttpStatusCode.Created))["id"]!;

        await (await _client.DeleteAsync($"{Customers}/{id}")).AssertStatus(HttpStatusCode.NoContent);

        Assert.False(await StaysActive(DocumentEntry(nif)));
        Assert.Null(await DocumentEntry(nif).Owner());
    }

    [Fact]
    public async Task A_document_taken_by_another_customer_is_still_refused_after_its_entry_left_memory()
    {
        var nif = Bodies.UniqueNif();
        await (await _client.PostJson(Customers, Bodies.Private(nif))).AssertStatus(HttpStatusCode.Created);
        Assert.False(await StaysActive(DocumentEntry(nif)));

        await (await _client.PostJson(Customers, Bodies.Private(nif))).AssertStatus(HttpStatusCode.Conflict);
    }

    private IUniqueIndexGrain DocumentEntry(string nif) =>
        Grains.GetGrain<IUniqueIndexGrain>(api.Host.Services.GetRequiredService<IndexKeys>().For("telco", IndexKinds.Document, IndexKinds.DocumentValue("NIF", nif)));

    private IGrainFactory Grains => api.Host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Whether the entry is still among the cluster's activations a few seconds on (it leaves asynchronously).</summary>
    private async Task<bool> StaysActive(IUniqueIndexGrain entry)
    {
        var management = Grains.GetGrain<IManagementGrain>(0);
        var id = entry.GetGrainId();
        return await Eventually.Until(
            async () => (await management.GetDetailedGrainStatistics()).Any(s => s.GrainId == id),
            active => !active,
            TimeSpan.FromSeconds(10));
    }
}
