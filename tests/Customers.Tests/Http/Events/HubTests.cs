using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Events;

/// <summary>The subscription resource itself, on the shared service (private callbacks not allowed).</summary>
[Collection(ApiCollection.Name)]
public class HubTests(ApiHostFixture api)
{
    private readonly HttpClient _client = api.Client();
    private readonly string _hub = $"/v4/orgs/{$"hub-{Guid.NewGuid():N}"[..16]}/hub";

    [Fact]
    public async Task Subscribing_is_201_with_a_generated_secret_shown_only_then()
    {
        var created = await (await _client.PostJson(_hub, new JsonObject { ["callback"] = "https://hooks.example.com/customers", ["types"] = new JsonArray("customer.") })).AssertStatus(HttpStatusCode.Created);

        Assert.Equal(["id", "callback", "types", "secret", "created_at"], created.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal(64, ((string)created["secret"]!).Length);
        var listed = Assert.Single((await (await _client.GetAsync(_hub)).AssertStatus(HttpStatusCode.OK))["subscriptions"]!.AsArray())!;
        Assert.Equal((string)created["id"]!, (string)listed["id"]!);
        Assert.Null(listed["secret"]);
        var one = await (await _client.GetAsync($"{_hub}/{created["id"]}")).AssertStatus(HttpStatusCode.OK);
        Assert.Null(one["secret"]);
        Assert.Equal(0L, (long)one["failed_events"]!);
        Assert.NotNull(one["delivered_through"]);
    }

    [Fact]
    public async Task A_given_secret_is_kept()
    {
        var created = await (await _client.PostJson(_hub, new JsonObject { ["callback"] = "https://hooks.example.com/x", ["secret"] = "s3cret" })).AssertStatus(HttpStatusCode.Created);

        Assert.Equal("s3cret", (string)created["secret"]!);
    }

    [Fact]
    public async Task Deleting_a_subscription_is_204_and_it_is_404_after()
    {
        var created = await (await _client.PostJson(_hub, new JsonObject { ["callback"] = "https://hooks.example.com/x" })).AssertStatus(HttpStatusCode.Created);

        await (await _client.DeleteAsync($"{_hub}/{created["id"]}")).AssertStatus(HttpStatusCode.NoContent);

        await (await _client.GetAsync($"{_hub}/{created["id"]}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _client.DeleteAsync($"{_hub}/{created["id"]}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://192.168.0.10/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://0.0.0.0/hook")]
    public async Task A_callback_to_a_private_address_is_400_naming_callback(string callback)
    {
        var messages = await (await _client.PostJson(_hub, new JsonObject { ["callback"] = callback })).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("callback: ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ftp://hooks.example.com/x")]
    [InlineData("/relative/hook")]
    [InlineData("")]
    [InlineData(" https://hooks.example.com/x")]
    [InlineData("https://hooks.example.com/x\n")]
    [InlineData("https://hooks.example.com/\u0000")]
    [InlineData("https://hooks.example.com:0/x")]
    [InlineData("https://user:password@hooks.example.com/x")]
    public async Task A_callback_that_is_no_absolute_http_url_is_400_naming_callback(string callback)
    {
        var messages = await (await _client.PostJson(_hub, new JsonObject { ["callback"] = callback })).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("callback: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_secret_and_type_prefixes_of_255_characters_are_kept()
    {
        // Characters, not UTF-16 units: a key outside the basic plane counts once.
        var (secret, prefix) = (string.Concat(Enumerable.Repeat("\U0001F511", 255)), new string('p', 255));

        var created = await (await _client.PostJson(_hub, new JsonObject { ["callback"] = "https://hooks.example.com/x", ["secret"] = secret, ["types"] = new JsonArray(prefix) })).AssertStatus(HttpStatusCode.Created);

        Assert.Equal((secret, prefix), ((string)created["secret"]!, (string)created["types"]![0]!));
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("types[0]")]
    [InlineData("callback")]
    public async Task Free_text_longer_than_255_characters_is_400_naming_the_field(string field)
    {
        var body = new JsonObject
        {
            ["callback"] = field == "callback" ? $"https://hooks.example.com/{new string('c', 240)}" : "https://hooks.example.com/x",
            ["secret"] = field == "secret" ? new string('s', 256) : "s3cret",
            ["types"] = new JsonArray(field == "types[0]" ? new string('p', 256) : "customer."),
        };

        var messages = await (await _client.PostJson(_hub, body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith($"{field}: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_org_holds_at_most_100_subscriptions_and_one_more_is_409()
    {
        for (var i = 0; i < 100; i++)
        {
            await (await _client.PostJson(_hub, new JsonObject { ["callback"] = $"https://hooks.example.com/{i}" })).AssertStatus(HttpStatusCode.Created);
        }

        await (await _client.PostJson(_hub, new JsonObject { ["callback"] = "https://hooks.example.com/one-more" })).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
        var listed = (await (await _client.GetAsync(_hub)).AssertStatus(HttpStatusCode.OK))["subscriptions"]!.AsArray();
        Assert.Equal(100, listed.Count);
        await (await _client.DeleteAsync($"{_hub}/{listed[0]!["id"]}")).AssertStatus(HttpStatusCode.NoContent);
        await (await _client.PostJson(_hub, new JsonObject { ["callback"] = "https://hooks.example.com/in-its-place" })).AssertStatus(HttpStatusCode.Created);

        // Each subscription is a delivery loop of the shared service: they go with the test.
        foreach (var subscription in (await (await _client.GetAsync(_hub)).AssertStatus(HttpStatusCode.OK))["subscriptions"]!.AsArray())
        {
            await (await _client.DeleteAsync($"{_hub}/{subscription!["id"]}")).AssertStatus(HttpStatusCode.NoContent);
        }
    }

    [Fact]
    public async Task A_subscription_id_that_is_no_uuid_is_400() =>
        await (await _client.GetAsync($"{_hub}/nope")).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

    [Fact]
    public async Task A_key_that_only_reads_events_lists_subscriptions_and_may_not_change_them()
    {
        var created = await (await _client.PostJson("/v4/orgs/telco/hub", new JsonObject { ["callback"] = "https://hooks.example.com/read-only" })).AssertStatus(HttpStatusCode.Created);
        var reader = api.Client(TestKeys.EventsReader);

        await (await reader.GetAsync($"/v4/orgs/telco/hub/{created["id"]}")).AssertStatus(HttpStatusCode.OK);
        await (await reader.PostJson("/v4/orgs/telco/hub", new JsonObject { ["callback"] = "https://hooks.example.com/x" })).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await reader.DeleteAsync($"/v4/orgs/telco/hub/{created["id"]}")).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await _client.DeleteAsync($"/v4/orgs/telco/hub/{created["id"]}")).AssertStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Listing_subscriptions_without_events_read_is_403() =>
        await (await api.Client(TestKeys.CustomersReader).GetAsync("/v4/orgs/telco/hub")).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
}
