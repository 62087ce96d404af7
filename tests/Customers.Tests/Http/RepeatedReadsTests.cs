using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Http.Accounts;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http;

/// <summary>A customer or an account read again and again answers its latest stored version.</summary>
[Collection(ApiCollection.Name)]
public class RepeatedReadsTests(ApiHostFixture api)
{
    private const string Org = "/v4/orgs/telco";
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task A_customer_read_again_and_again_shows_a_change_on_the_next_read()
    {
        var id = await _client.CreateCustomer();
        var before = await ReadTimes(3, $"{Org}/customers/{id}");

        await (await _client.PatchJson($"{Org}/customers/{id}", JsonNode.Parse("""{"preferred_language": "gl"}""")!)).AssertStatus(HttpStatusCode.NoContent);

        Assert.Equal("es", (string?)before["preferred_language"]);
        Assert.Equal("gl", (string?)(await ReadTimes(1, $"{Org}/customers/{id}"))["preferred_language"]);
    }

    [Fact]
    public async Task An_account_read_again_and_again_shows_a_change_on_the_next_read()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();
        await ReadTimes(3, $"{Org}/accounts/{account}");
        var moved = JsonNode.Parse("""
            {"address_lines": ["Carrer de Mallorca, 401"], "postal_code": "08013", "state_id": "08",
             "locality": "Barcelona", "administrative_area": "Barcelona", "region_code": "ES"}
            """)!;

        await (await _client.PatchJson($"{Org}/accounts/{account}/billing-address", moved)).AssertStatus(HttpStatusCode.NoContent);

        Assert.True(JsonNode.DeepEquals(moved, (await ReadTimes(1, $"{Org}/accounts/{account}"))["billing_address"]));
    }

    /// <summary>Reads <paramref name="url"/> <paramref name="times"/> times; every answer is the same; returns the last.</summary>
    private async Task<JsonNode> ReadTimes(int times, string url)
    {
        var answers = new List<JsonNode>();
        for (var i = 0; i < times; i++)
        {
            answers.Add(await (await _client.GetAsync(url)).AssertStatus(HttpStatusCode.OK));
        }

        Assert.All(answers, a => Assert.True(JsonNode.DeepEquals(answers[0], a)));
        return answers[^1];
    }
}
