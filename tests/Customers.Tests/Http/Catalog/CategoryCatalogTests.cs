using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Catalog;

[Collection(ApiCollection.Name)]
public class CategoryCatalogTests(ApiHostFixture api)
{
    private readonly CatalogHttp _http = new(api);

    private HttpClient Client => _http.Client;

    [Fact]
    public async Task An_org_that_never_created_a_category_lists_none()
    {
        var list = await (await Client.GetAsync(_http.Categories)).AssertStatus(HttpStatusCode.OK);

        Assert.Empty(list["categories"]!.AsArray());
    }

    [Fact]
    public async Task Creating_a_batch_is_201_with_ids_from_the_orgs_own_sequence_in_batch_order()
    {
        var body = JsonNode.Parse("""
            {"categories": [
              {"name": "risk", "description": "Risk category", "valid_values": ["high", "low"]},
              {"name": "Loyalty_2"}
            ]}
            """)!;

        var created = (await (await Client.PostJson(_http.Categories, body)).AssertStatus(HttpStatusCode.Created))["categories"]!.AsArray();

        Assert.Equal(2, created.Count);
        Assert.Equal(1, (int)created[0]!["id"]!);
        Assert.Equal(2, (int)created[1]!["id"]!);
        Assert.Equal("risk", (string?)created[0]!["name"]);
        Assert.Equal("Risk category", (string?)created[0]!["description"]);
        Assert.Equal(["high", "low"], created[0]!["valid_values"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("Loyalty_2", (string?)created[1]!["name"]);
    }

    [Fact]
    public async Task The_list_holds_every_category_ordered_by_id()
    {
        var first = await _http.CreateCategory();
        var second = await _http.CreateCategory();
        var third = await _http.CreateCategory();

        var list = await (await Client.GetAsync(_http.Categories)).AssertStatus(HttpStatusCode.OK);

        Assert.Equal([first, second, third], list["categories"]!.AsArray().Select(c => (int)c!["id"]!));
    }

    [Fact]
    public async Task Getting_a_category_is_200_with_its_fields()
    {
        var id = await _http.CreateCategory("risk", "high");

        var category = await (await Client.GetAsync($"{_http.Categories}/{id}")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(id, (int)category["id"]!);
        Assert.Equal("risk", (string?)category["name"]);
        Assert.Equal("Risk category", (string?)category["description"]);
        Assert.Equal("high", (string?)category["valid_values"]![0]);
    }

    [Fact]
    public async Task Getting_an_unknown_category_is_404() =>
        await (await Client.GetAsync($"{_http.Categories}/214748364")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Theory]
    [InlineData("risk")]
    [InlineData("1.5")]
    [InlineData("2147483648")]
    [InlineData("+1")]
    [InlineData("01")]
    public async Task A_category_id_that_is_not_an_int32_is_400_naming_it(string id)
    {
        foreach (var response in new[]
                 {
                     await Client.GetAsync($"{_http.Categories}/{id}"),
                     await Client.PatchJson($"{_http.Categories}/{id}", new JsonObject()),
                     await Client.DeleteAsync($"{_http.Categories}/{id}"),
                 })
        {
            var messages = await response.AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");
            Assert.Contains(messages, m => m.StartsWith("category_id: "));
        }
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("dash-ed")]
    [InlineData("")]
    [InlineData("a23456789012345678901234567890123456789012345678901")]
    public async Task A_name_off_the_pattern_is_400_naming_the_item(string name)
    {
        var body = new JsonObject { ["categories"] = new JsonArray(new JsonObject { ["name"] = "fine" }, new JsonObject { ["name"] = name }) };

        var messages = await (await Client.PostJson(_http.Categories, body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("categories[1].name: "));
    }

    [Fact]
    public async Task A_batch_without_categories_or_with_none_or_more_than_50_is_400()
    {
        var tooMany = new JsonArray(Enumerable.Range(0, 51).Select(i => (JsonNode)new JsonObject { ["name"] = $"c{i}" }).ToArray());

        foreach (var body in new JsonNode[] { new JsonObject(), new JsonObject { ["categories"] = new JsonArray() }, new JsonObject { ["categories"] = tooMany } })
        {
            var messages = await (await Client.PostJson(_http.Categories, body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");
            Assert.Contains(messages, m => m.StartsWith("categories: "));
        }

        Assert.Empty((await (await Client.GetAsync(_http.Categories)).AssertStatus(HttpStatusCode.OK))["categories"]!.AsArray());
    }

    [Fact]
    public async Task Repeated_valid_values_are_400()
    {
        var body = JsonNode.Parse("""{"categories": [{"name": "risk", "valid_values": ["high", "high"]}]}""")!;

        var messages = await (await Client.PostJson(_http.Categories, body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("categories[0].valid_values: "));
    }

    [Fact]
    public async Task A_name_that_exists_in_another_case_is_409_and_no_category_of_the_batch_is_created()
    {
        await _http.CreateCategory("Risk");
        var body = JsonNode.Parse("""{"categories": [{"name": "fresh"}, {"name": "RISK"}]}""")!;

        await (await Client.PostJson(_http.Categories, body)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");

        var list = await (await Client.GetAsync(_http.Categories)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(["Risk"], list["categories"]!.AsArray().Select(c => (string)c!["name"]!));
    }

    [Fact]
    public async Task A_name_repeated_within_the_batch_is_409_and_nothing_is_created()
    {
        var body = JsonNode.Parse("""{"categories": [{"name": "risk"}, {"name": "other"}, {"name": "Risk"}]}""")!;

        await (await Client.PostJson(_http.Categories, body)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");

        Assert.Empty((await (await Client.GetAsync(_http.Categories)).AssertStatus(HttpStatusCode.OK))["categories"]!.AsArray());
    }

    [Fact]
    public async Task Patching_replaces_the_description_and_the_valid_values_and_is_204()
    {
        var id = await _http.CreateCategory("risk", "high");

        await (await Client.PatchJson($"{_http.Categories}/{id}", JsonNode.Parse("""{"description": "Credit risk", "valid_values": ["low", "medium"]}""")!))
            .AssertStatus(HttpStatusCode.NoContent);

        var category = await (await Client.GetAsync($"{_http.Categories}/{id}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Credit risk", (string?)category["description"]);
        Assert.Equal(["low", "medium"], category["valid_values"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("risk", (string?)category["name"]);
    }

    [Fact]
    public async Task Patching_without_valid_values_keeps_them()
    {
        var id = await _http.CreateCategory("risk", "high");

        await (await Client.PatchJson($"{_http.Categories}/{id}", JsonNode.Parse("""{"description": "Credit risk"}""")!)).AssertStatus(HttpStatusCode.NoContent);

        var category = await (await Client.GetAsync($"{_http.Categories}/{id}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(["high"], category["valid_values"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public async Task Patching_with_repeated_valid_values_is_400_naming_them()
    {
        var id = await _http.CreateCategory();

        var messages = await (await Client.PatchJson($"{_http.Categories}/{id}", JsonNode.Parse("""{"valid_values": ["a", "a"]}""")!))
            .AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("valid_values: "));
    }

    [Fact]
    public async Task Patching_an_unknown_category_is_404() =>
        await (await Client.PatchJson($"{_http.Categories}/99999", JsonNode.Parse("""{"description": "x"}""")!))
            .AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Fact]
    public async Task Deleting_a_category_is_204_and_it_is_404_afterwards_and_its_name_is_free_again()
    {
        var id = await _http.CreateCategory("risk");

        await (await Client.DeleteAsync($"{_http.Categories}/{id}")).AssertStatus(HttpStatusCode.NoContent);

        await (await Client.GetAsync($"{_http.Categories}/{id}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await Client.DeleteAsync($"{_http.Categories}/{id}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        Assert.NotEqual(id, await _http.CreateCategory("risk"));
    }

    [Fact]
    public async Task A_category_of_one_org_is_404_in_another()
    {
        var id = await _http.CreateCategory("risk");
        var other = new CatalogHttp(api);

        await (await Client.GetAsync($"{other.Categories}/{id}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await Client.PatchJson($"{other.Categories}/{id}", JsonNode.Parse("""{"description": "x"}""")!)).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await Client.DeleteAsync($"{other.Categories}/{id}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        Assert.Empty((await (await Client.GetAsync(other.Categories)).AssertStatus(HttpStatusCode.OK))["categories"]!.AsArray());
        await (await Client.GetAsync($"{_http.Categories}/{id}")).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_same_name_may_exist_in_two_orgs_each_numbering_from_its_own_sequence()
    {
        var here = await _http.CreateCategory("risk");
        var there = await new CatalogHttp(api).CreateCategory("risk");

        Assert.Equal(1, here);
        Assert.Equal(1, there);
    }

    [Fact]
    public async Task A_key_without_the_categories_permission_is_403()
    {
        var reader = api.Client(TestKeys.CustomersReader);
        const string categories = "/v4/orgs/telco/categories";

        await (await reader.GetAsync(categories)).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await reader.GetAsync($"{categories}/1")).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await reader.PostJson(categories, JsonNode.Parse("""{"categories": [{"name": "x"}]}""")!)).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await reader.PatchJson($"{categories}/1", new JsonObject())).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await reader.DeleteAsync($"{categories}/1")).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
    }
}
