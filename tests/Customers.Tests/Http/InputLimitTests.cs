using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Http.Catalog;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http;

/// <summary>No request can store an unbounded value: catalogue sizes, free text and body sizes have limits.</summary>
[Collection(ApiCollection.Name)]
public class InputLimitTests(ApiHostFixture api)
{
    [Fact]
    public async Task A_category_with_more_than_500_valid_values_is_400_naming_the_list()
    {
        var catalog = new CatalogHttp(api);
        var category = new JsonObject { ["name"] = "big", ["valid_values"] = Values(501) };

        var messages = await (await catalog.Client.PostJson(catalog.Categories, new JsonObject { ["categories"] = new JsonArray(category) }))
            .AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("categories[0].valid_values:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Bad Value!")]
    [InlineData("good\n")]
    [InlineData("")]
    public async Task A_valid_value_off_the_pattern_is_400_naming_its_index(string value)
    {
        var catalog = new CatalogHttp(api);
        var category = new JsonObject { ["name"] = "odd", ["valid_values"] = new JsonArray("fine", value) };

        var messages = await (await catalog.Client.PostJson(catalog.Categories, new JsonObject { ["categories"] = new JsonArray(category) }))
            .AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("categories[0].valid_values[1]:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_category_description_over_255_characters_is_400()
    {
        var catalog = new CatalogHttp(api);
        var category = new JsonObject { ["name"] = "wordy", ["description"] = new string('d', 256) };

        var messages = await (await catalog.Client.PostJson(catalog.Categories, new JsonObject { ["categories"] = new JsonArray(category) }))
            .AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("categories[0].description:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Patching_a_category_to_more_than_500_valid_values_is_400()
    {
        var catalog = new CatalogHttp(api);
        var id = await catalog.CreateCategory();

        var messages = await (await catalog.Client.PatchJson($"{catalog.Categories}/{id}", new JsonObject { ["valid_values"] = Values(501) }))
            .AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("valid_values:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task More_than_100_special_treatment_values_is_400()
    {
        var catalog = new CatalogHttp(api);

        var messages = await (await catalog.Client.PatchJson(catalog.SpecialTreatment, new JsonObject { ["values"] = Values(101) }))
            .AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("values:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_201st_category_of_an_org_is_409()
    {
        var catalog = new CatalogHttp(api);
        for (var batch = 0; batch < 4; batch++)
        {
            var categories = new JsonArray(Enumerable.Range(0, 50).Select(i => (JsonNode)new JsonObject { ["name"] = $"c{batch}_{i}" }).ToArray());
            await (await catalog.Client.PostJson(catalog.Categories, new JsonObject { ["categories"] = categories })).AssertStatus(HttpStatusCode.Created);
        }

        var one = new JsonObject { ["categories"] = new JsonArray(new JsonObject { ["name"] = "one_too_many" }) };

        await (await catalog.Client.PostJson(catalog.Categories, one)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task A_body_over_1_MiB_is_413_with_the_bad_request_code()
    {
        var body = "{\"type\":\"PRIVATE_CUSTOMER\",\"padding\":\"" + new string('p', 1024 * 1024) + "\"}";

        var response = await api.Client().PostAsync("/v4/orgs/telco/customers", HttpAssertions.Json(body));

        await response.AssertError(HttpStatusCode.RequestEntityTooLarge, "MCUS.999.998");
    }

    [Fact]
    public async Task A_body_over_1_MiB_sent_without_a_length_is_413_with_the_bad_request_code()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("{\"type\":\"PRIVATE_CUSTOMER\",\"padding\":\"" + new string('p', 1024 * 1024) + "\"}");
        var content = new StreamContent(new UnsizedStream(bytes));
        content.Headers.ContentType = new("application/json");

        var response = await api.Client().PostAsync("/v4/orgs/telco/customers", content);

        Assert.Null(content.Headers.ContentLength);
        await response.AssertError(HttpStatusCode.RequestEntityTooLarge, "MCUS.999.998");
    }

    [Fact]
    public async Task A_body_over_1_MiB_sent_without_a_length_after_asking_to_continue_is_413_with_the_bad_request_code()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("{\"type\":\"PRIVATE_CUSTOMER\",\"padding\":\"" + new string('p', 1024 * 1024) + "\"}");
        var content = new StreamContent(new UnsizedStream(bytes));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v4/orgs/telco/customers") { Content = content };
        request.Headers.ExpectContinue = true;

        var response = await api.Client().SendAsync(request);

        await response.AssertError(HttpStatusCode.RequestEntityTooLarge, "MCUS.999.998");
    }

    [Fact]
    public async Task A_category_name_with_a_trailing_newline_is_400()
    {
        var catalog = new CatalogHttp(api);
        var category = new JsonObject { ["name"] = "gold\n" };

        var messages = await (await catalog.Client.PostJson(catalog.Categories, new JsonObject { ["categories"] = new JsonArray(category) }))
            .AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("categories[0].name:", StringComparison.Ordinal));
    }

    private static JsonArray Values(int count) =>
        new(Enumerable.Range(0, count).Select(i => (JsonNode)$"v{i}").ToArray());
}

/// <summary>A body whose length the client cannot know in advance, so it is sent chunked.</summary>
file sealed class UnsizedStream(byte[] bytes) : MemoryStream(bytes)
{
    public override bool CanSeek => false;
}
