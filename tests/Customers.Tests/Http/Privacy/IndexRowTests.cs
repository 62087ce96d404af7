using Customers.Grains;
using Customers.Grains.Indexing;
using Customers.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Customers.Tests.Http.Privacy;

/// <summary>A released value deletes its index row, rows written through the default storage still serve.</summary>
[Collection(ApiCollection.Name)]
public class IndexRowTests(ApiHostFixture api)
{
    [Fact]
    public async Task A_row_written_through_the_default_storage_is_read_and_its_release_deletes_it()
    {
        var grains = api.Host.Services.GetRequiredService<IGrainFactory>();
        var value = IndexKinds.DocumentValue("NIF", Bodies.UniqueNif());
        var key = api.Host.Services.GetRequiredService<IndexKeys>().For(TestKeys.Org, IndexKinds.Document, value);
        var index = grains.GetGrain<IUniqueIndexGrain>(key);
        var owner = Guid.NewGuid();
        var earlier = new GrainState<UniqueIndexState>(new UniqueIndexState { Owner = owner, ReservedAt = DateTime.UtcNow });
        await api.Host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default).WriteStateAsync("index", index.GetGrainId(), earlier);

        Assert.Equal(owner, await index.Owner());
        await index.Release(owner);

        Assert.Equal(0, await Rows(key));
        Assert.True(await index.Reserve(Guid.NewGuid(), value));
        Assert.Equal(1, await Rows(key));
    }

    [Fact]
    public async Task An_emptied_row_left_by_an_earlier_release_is_deleted_when_the_value_is_released_again()
    {
        var grains = api.Host.Services.GetRequiredService<IGrainFactory>();
        var key = api.Host.Services.GetRequiredService<IndexKeys>().For(TestKeys.Org, IndexKinds.LoginEmail, Bodies.UniqueEmail());
        var index = grains.GetGrain<IUniqueIndexGrain>(key);
        var storage = api.Host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var earlier = new GrainState<UniqueIndexState>(new UniqueIndexState { Owner = Guid.NewGuid(), ReservedAt = DateTime.UtcNow });
        await storage.WriteStateAsync("index", index.GetGrainId(), earlier);
        await storage.ClearStateAsync("index", index.GetGrainId(), earlier);
        Assert.Equal(1, await Rows(key));

        await index.Release(Guid.NewGuid());

        Assert.Equal(0, await Rows(key));
    }

    private static Task<long> Rows(string key) =>
        TestDatabase.Count("SELECT count(*) FROM orleansstorage WHERE graintypestring = 'index' AND grainidextensionstring = $1", key);
}
