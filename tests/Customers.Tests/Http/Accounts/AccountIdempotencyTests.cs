using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;
using static Customers.Tests.Http.Accounts.AccountBodies;

namespace Customers.Tests.Http.Accounts;

[Collection(ApiCollection.Name)]
public class AccountIdempotencyTests(ApiHostFixture api)
{
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task The_same_key_and_body_return_the_first_response_and_create_nothing()
    {
        var customer = await _client.CreateCustomer();
        var key = Guid.NewGuid().ToString();
        var body = Account();

        var first = await Post(customer, key, body);
        var firstBody = await first.AssertStatus(HttpStatusCode.OK);
        var second = await Post(customer, key, body);
        var secondBody = await second.AssertStatus(HttpStatusCode.OK);

        Assert.True(JsonNode.DeepEquals(firstBody, secondBody));
        var accounts = await (await _client.GetAsync($"{Org}/customers/{customer}/accounts")).AssertStatus(HttpStatusCode.OK);
        Assert.Single(accounts["accounts"]!.AsArray());
    }

    [Fact]
    public async Task A_replayed_asynchronous_creation_answers_202_again()
    {
        var customer = await _client.CreateCustomer();
        var key = Guid.NewGuid().ToString();
        var body = Account(CardReference());

        var first = await (await Post(customer, key, body)).AssertStatus(HttpStatusCode.Accepted);
        var again = await (await Post(customer, key, body)).AssertStatus(HttpStatusCode.Accepted);

        Assert.Equal((string?)first["id"], (string?)again["id"]);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_409()
    {
        var customer = await _client.CreateCustomer();
        var key = Guid.NewGuid().ToString();
        await (await Post(customer, key, Account())).AssertStatus(HttpStatusCode.OK);

        await (await Post(customer, key, Account(modality: "POSTPAID"))).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");

        var accounts = await (await _client.GetAsync($"{Org}/customers/{customer}/accounts")).AssertStatus(HttpStatusCode.OK);
        Assert.Single(accounts["accounts"]!.AsArray());
    }

    [Fact]
    public async Task The_same_key_for_another_customer_creates_that_customers_account()
    {
        var key = Guid.NewGuid().ToString();
        var first = await (await Post(await _client.CreateCustomer(), key, Account())).AssertStatus(HttpStatusCode.OK);

        var second = await (await Post(await _client.CreateCustomer(), key, Account())).AssertStatus(HttpStatusCode.OK);

        Assert.NotEqual((string?)first["id"], (string?)second["id"]);
    }

    [Fact]
    public async Task Without_a_key_the_same_body_creates_a_second_account()
    {
        var customer = await _client.CreateCustomer();

        var first = await _client.CreateAccount(customer);
        var second = await _client.CreateAccount(customer);

        Assert.NotEqual((string?)first["id"], (string?)second["id"]);
    }

    [Fact]
    public async Task A_key_longer_than_64_characters_is_400()
    {
        var customer = await _client.CreateCustomer();

        var messages = await (await Post(customer, new string('k', 65), Account())).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("Idempotency-Key: "));
    }

    [Fact]
    public async Task Ten_concurrent_identical_requests_create_one_account_and_all_answer_it()
    {
        var customer = await _client.CreateCustomer();
        var key = Guid.NewGuid().ToString();
        var body = Account(DirectDebit()).ToJsonString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{Org}/customers/{customer}/accounts")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await (await _client.SendAsync(request)).AssertStatus(HttpStatusCode.OK);
        }));

        Assert.Single(responses.Select(r => (string?)r["id"]).Distinct());
        Assert.Single(responses.Select(r => (string?)r["external_id"]).Distinct());
        var accounts = await (await _client.GetAsync($"{Org}/customers/{customer}/accounts")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal((string?)responses[0]["id"], (string?)Assert.Single(accounts["accounts"]!.AsArray())!["id"]);
    }

    private Task<HttpResponseMessage> Post(string customer, string key, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Org}/customers/{customer}/accounts") { Content = HttpAssertions.Json(body.ToJsonString()) };
        request.Headers.Add("Idempotency-Key", key);
        return _client.SendAsync(request);
    }
}
