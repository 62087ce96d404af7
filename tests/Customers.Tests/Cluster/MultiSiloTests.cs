using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Cluster;

/// <summary>Real silo processes sharing one PostgreSQL: one cluster, any silo reaches any grain.</summary>
[Collection(ProcessCollection.Name)]
public class MultiSiloTests
{
    [Fact]
    public async Task After_one_silo_is_killed_the_other_serves_every_acknowledged_write_within_60_seconds()
    {
        var clusterId = $"multi-{Guid.NewGuid():N}";
        await using var a = await SiloProcess.Start(clusterId, TestDatabase.ConnectionString);
        await using var b = await SiloProcess.Start(clusterId, TestDatabase.ConnectionString);

        var acknowledged = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var response = await a.Client.PostJson("/v4/orgs/telco/customers", Bodies.Private());
            var body = await response.AssertStatus(HttpStatusCode.Created);
            acknowledged.Add((string)body["id"]!);
        }

        foreach (var id in acknowledged)
        {
            await (await b.Client.GetAsync($"/v4/orgs/telco/customers/{id}")).AssertStatus(HttpStatusCode.OK);
        }

        a.Kill();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var missing = acknowledged.ToHashSet();
        while (missing.Count > 0 && DateTime.UtcNow < deadline)
        {
            foreach (var id in missing.ToList())
            {
                try
                {
                    var response = await b.Client.GetAsync($"/v4/orgs/telco/customers/{id}");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        missing.Remove(id);
                    }
                }
                catch (TaskCanceledException)
                {
                }
            }

            if (missing.Count > 0)
            {
                await Task.Delay(500);
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task A_write_through_one_silo_reads_back_through_the_other()
    {
        var clusterId = $"pair-{Guid.NewGuid():N}";
        await using var a = await SiloProcess.Start(clusterId, TestDatabase.ConnectionString);
        await using var b = await SiloProcess.Start(clusterId, TestDatabase.ConnectionString);

        var created = await (await a.Client.PostJson("/v4/orgs/telco/customers", Bodies.Digital())).AssertStatus(HttpStatusCode.Created);
        await (await b.Client.PatchJson($"/v4/orgs/telco/customers/{created["id"]}", JsonNode.Parse("""{"preferred_language": "eu"}""")!)).AssertStatus(HttpStatusCode.NoContent);

        var read = await (await a.Client.GetAsync($"/v4/orgs/telco/customers/{created["id"]}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("eu", (string?)read["preferred_language"]);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "silo processes";
}
