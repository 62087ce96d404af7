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

    [Fact]
    public async Task A_catalogue_row_that_still_lists_its_holders_hands_them_to_the_buckets_when_it_is_read()
    {
        var serviceId = $"legacy-{Guid.NewGuid():N}";
        const string org = "/v4/orgs/telco";
        string customer;
        int category;
        int doomed;
        await using (var first = new ServiceHost(serviceId))
        {
            var client = first.ClientWithKey();
            var created = await (await client.PostJson($"{org}/categories", JsonNode.Parse("""{"categories": [{"name": "risk", "valid_values": ["high", "low"]}, {"name": "doomed"}]}""")!))
                .AssertStatus(HttpStatusCode.Created);
            category = (int)created["categories"]![0]!["id"]!;
            doomed = (int)created["categories"]![1]!["id"]!;
            customer = (string)(await (await client.PostJson($"{org}/customers", Bodies.Digital())).AssertStatus(HttpStatusCode.Created))["id"]!;
            await (await client.PostJson($"{org}/customers/{customer}/categories", JsonNode.Parse($$"""{"id": {{category}}, "value": "low"}""")!))
                .AssertStatus(HttpStatusCode.Created);
            await (await client.PostJson($"{org}/customers/{customer}/categories", JsonNode.Parse($$"""{"id": {{doomed}}, "value": "d"}""")!))
                .AssertStatus(HttpStatusCode.Created);
            await (await client.PatchJson($"{org}/special-treatment", JsonNode.Parse("""{"values": ["vip", "gold"]}""")!)).AssertStatus(HttpStatusCode.NoContent);
            await (await client.PutJson($"{org}/customers/{customer}/special-treatment", JsonNode.Parse("""{"values": ["vip"]}""")!)).AssertStatus(HttpStatusCode.NoContent);
        }

        // As an earlier version stored it: the holders in the catalogue row, no bucket rows, and
        // a deleted category whose holder had not been told yet.
        var endedAt = DateTime.UtcNow.AddMinutes(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var row = JsonNode.Parse((await StoredCatalog.Catalogue(serviceId, "telco"))!)!;
        row["categories"]![0]!["holders"] = new JsonObject { [customer] = "low" };
        row["categories"]!.AsArray().RemoveAt(1);
        row["special_treatment_holders"] = new JsonObject { [customer] = "vip" };
        row["pending_ends"] = JsonNode.Parse($$"""[{"category_id": {{doomed}}, "ended_at": "{{endedAt}}", "actor": "remover", "holders": ["{{customer}}"]}]""");
        await StoredCatalog.Execute(
            "UPDATE orleansstorage SET payloadbinary = convert_to(@payload, 'UTF8') WHERE serviceid = @service AND graintypestring = 'catalog' AND grainidextensionstring = @key",
            serviceId, row.ToJsonString(), "telco/catalog");
        await StoredCatalog.Execute("UPDATE orleansstorage SET payloadbinary = NULL WHERE serviceid = @service AND graintypestring = 'holders'", serviceId);

        await using var second = new ServiceHost(serviceId);
        var again = second.ClientWithKey();

        await (await again.PatchJson($"{org}/categories/{category}", JsonNode.Parse("""{"valid_values": ["high"]}""")!)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
        await (await again.PatchJson($"{org}/special-treatment", JsonNode.Parse("""{"values": ["gold"]}""")!)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
        var ended = await Eventually.Until(
            async () => (await (await again.GetAsync($"{org}/customers/{customer}/categories/historical")).AssertStatus(HttpStatusCode.OK))["categories"]!
                .AsArray().Single(c => (int)c!["id"]! == doomed)!["historical_values"]![0]!,
            value => value["end_date"] is not null);
        Assert.Equal(endedAt, (string?)ended["end_date"]);
        Assert.Equal("remover", (string?)ended["modified_by"]);
        var stored = await Eventually.Until(async () => (await StoredCatalog.Catalogue(serviceId, "telco"))!, r => r.Contains("\"pending_ends\":[]"));
        Assert.DoesNotContain("holders", stored);
        Assert.Contains("\"pending_ends\":[]", stored);
        Assert.Single(await StoredCatalog.Buckets(serviceId, "telco", HolderBuckets.CategoryScope(category)));
        Assert.Single(await StoredCatalog.Buckets(serviceId, "telco", HolderBuckets.SpecialTreatment));
    }
}
