using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Http.Accounts;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http;

/// <summary>JSON answers go out whole, with their length, small or large, successes and errors alike.</summary>
[Collection(ApiCollection.Name)]
public class AnswerFramingTests(ApiHostFixture api)
{
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task A_customer_is_answered_with_its_length_and_not_in_chunks()
    {
        var id = await _client.CreateCustomer();

        using var response = await _client.GetAsync($"/v4/orgs/telco/customers/{id}");

        await AssertWhole(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_error_envelope_is_answered_with_its_length_and_not_in_chunks()
    {
        using var response = await _client.GetAsync("/v4/orgs/telco/customers/not-a-uuid");

        var body = await AssertWhole(response, HttpStatusCode.BadRequest);
        Assert.Equal("MCUS.999.998", (string?)body["errors"]![0]!["error"]!["code"]);
    }

    [Fact]
    public async Task A_creation_is_answered_with_its_length_and_where_the_new_customer_lives()
    {
        using var response = await _client.PostJson("/v4/orgs/telco/customers", Bodies.Private());

        var body = await AssertWhole(response, HttpStatusCode.Created);
        Assert.Equal($"/v4/orgs/telco/customers/{(string?)body["id"]}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_feed_page_of_many_kilobytes_is_answered_whole_with_its_length()
    {
        var org = $"framing-{Guid.NewGuid():N}"[..20];
        var created = await (await _client.PostJson($"/v4/orgs/{org}/customers", Bodies.Private())).AssertStatus(HttpStatusCode.Created);
        var id = (string?)created["id"];
        for (var i = 0; i < 80; i++)
        {
            var language = i % 2 == 0 ? "gl" : "es";
            await (await _client.PatchJson($"/v4/orgs/{org}/customers/{id}", JsonNode.Parse($$"""{"preferred_language": "{{language}}"}""")!))
                .AssertStatus(HttpStatusCode.NoContent);
        }

        using var response = await _client.GetAsync($"/v4/orgs/{org}/events?limit=200");

        var body = await AssertWhole(response, HttpStatusCode.OK);
        Assert.Equal(81, body["events"]!.AsArray().Count);
        Assert.True(response.Content.Headers.ContentLength > 16 * 1024, $"a page of {response.Content.Headers.ContentLength} bytes");
    }

    private static async Task<JsonNode> AssertWhole(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        return JsonNode.Parse(bytes)!;
    }
}
