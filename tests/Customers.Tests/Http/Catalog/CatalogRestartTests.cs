using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Catalog;

public class CatalogRestartTests
{
    [Fact]
    public async Task The_catalogue_its_holders_and_customer_histories_read_back_after_a_restart()
    {
        var serviceId = $"restart-{Guid.NewGuid():N}";
        const string org = "/v4/orgs/telco";
        string customer;
        int category;
        string categoryBefore;
        string historyBefore;
        await using (var first = new ServiceHost(serviceId))
        {
            var client = first.ClientWithKey();
            var created = await (await client.PostJson($"{org}/categories", JsonNode.Parse("""{"categories": [{"name": "risk", "description": "Risk", "valid_values": ["high", "low"]}]}""")!))
                .AssertStatus(HttpStatusCode.Created);
            category = (int)created["categories"]![0]!["id"]!;
            customer = (string)(await (await client.PostJson($"{org}/customers", Bodies.Digital())).AssertStatus(HttpStatusCode.Created))["id"]!;
            await (await client.PostJson($"{org}/customers/{customer}/categories", JsonNode.Parse($$"""{"id": {{category}}, "value": "low", "reason": "Late payments"}""")!))
                .AssertStatus(HttpStatusCode.Created);
            await (await client.PatchJson($"{org}/customers/{customer}/categories/{category}", JsonNode.Parse("""{"value": "high"}""")!)).AssertStatus(HttpStatusCode.NoContent);
            await (await client.PatchJson($"{org}/special-treatment", JsonNode.Parse("""{"values": ["vip", "gold"]}""")!)).AssertStatus(HttpStatusCode.NoContent);
            await (await client.PutJson($"{org}/customers/{customer}/special-treatment", JsonNode.Parse("""{"values": ["vip"]}""")!)).AssertStatus(HttpStatusCode.NoContent);
            categoryBefore = await (await client.GetAsync($"{org}/categories/{category}")).Content.ReadAsStringAsync();
            historyBefore = await (await client.GetAsync($"{org}/customers/{customer}/categories/historical")).Content.ReadAsStringAsync();
        }

        await using var second = new ServiceHost(serviceId);
        var again = second.ClientWithKey();

        Assert.Equal(categoryBefore, await (await again.GetAsync($"{org}/categories/{category}")).Content.ReadAsStringAsync());
        Assert.Equal(historyBefore, await (await again.GetAsync($"{org}/customers/{customer}/categories/historical")).Content.ReadAsStringAsync());
        var special = await (await again.GetAsync($"{org}/customers/{customer}/special-treatment")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("vip", (string?)special["values"]![0]);
        await (await again.PatchJson($"{org}/categories/{category}", JsonNode.Parse("""{"valid_values": ["low"]}""")!)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
        await (await again.PatchJson($"{org}/special-treatment", JsonNode.Parse("""{"values": ["gold"]}""")!)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

}
