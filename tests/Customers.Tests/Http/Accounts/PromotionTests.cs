using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;
using static Customers.Tests.Http.Accounts.AccountBodies;
using static Customers.Tests.Http.Accounts.PromotionBodies;

namespace Customers.Tests.Http.Accounts;

/// <summary>The promotion endpoints over HTTP: shapes, filters, cancellation rules, history and every error code.</summary>
[Collection(ApiCollection.Name)]
public class PromotionTests(ApiHostFixture api)
{
    private const string BadRequest = "MCUS.999.998";
    private const string NotFound = "MCUS.999.997";
    private const string Conflict = "MCUS.999.994";
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task Adding_a_promotion_answers_an_array_with_the_created_promotion_in_the_page_shape()
    {
        var account = await Account();

        var body = await (await _client.PostJson($"{Org}/accounts/{account}/promotions", Promotion(2064, Today.AddDays(10), Today.AddDays(40)))).AssertStatus(HttpStatusCode.OK);

        var created = Assert.Single(body.AsArray())!.AsObject();
        Assert.Equal(["id", "account_id", "promotion_id", "start_date", "end_date", "status"], created.Select(p => p.Key));
        Assert.True(Guid.TryParse((string?)created["id"], out _));
        Assert.Equal(account, (string?)created["account_id"]);
        Assert.Equal(2064, (int)created["promotion_id"]!);
        Assert.Equal(Day(Today.AddDays(10)), (string?)created["start_date"]);
        Assert.Equal(Day(Today.AddDays(40)), (string?)created["end_date"]);
        Assert.Equal("PENDING", (string?)created["status"]);
    }

    [Fact]
    public async Task A_promotion_that_started_already_is_active_at_once_and_one_without_end_has_no_end_date()
    {
        var account = await Account();

        var created = await Add(account, Promotion(1, Today.AddDays(-3)));

        Assert.Equal("ACTIVE", (string?)created["status"]);
        Assert.False(created.AsObject().ContainsKey("end_date"));
    }

    [Fact]
    public async Task The_list_is_activated_by_default_and_filters_by_account_promotion_type()
    {
        var account = await Account();
        var active = (string)(await Add(account, Promotion(10, Today.AddDays(-1), Today.AddDays(5))))["id"]!;
        var scheduled = (string)(await Add(account, Promotion(11, Today.AddDays(2))))["id"]!;
        await Add(account, Promotion(12, Today.AddDays(-9), Today.AddDays(-2)));

        Assert.Equal([active], await List(account, null));
        Assert.Equal([active], await List(account, "ACTIVATED"));
        Assert.Equal([active], await List(account, "ACTIVE"));
        Assert.Equal([scheduled], await List(account, "SCHEDULED"));
        Assert.Equal([active, scheduled], await List(account, "ALL"));
        var listed = Assert.Single((await (await _client.GetAsync($"{Org}/accounts/{account}/promotions")).AssertStatus(HttpStatusCode.OK)).AsArray())!;
        Assert.Equal(["id", "account_id", "promotion_id", "start_date", "end_date", "status"], listed.AsObject().Select(p => p.Key));
    }

    [Theory]
    [InlineData("EXPIRED")]
    [InlineData("activated")]
    [InlineData("everything")]
    public async Task Any_other_account_promotion_type_is_400(string type)
    {
        var account = await Account();

        var messages = await (await _client.GetAsync($"{Org}/accounts/{account}/promotions?account_promotion_type={type}")).AssertError(HttpStatusCode.BadRequest, BadRequest);

        Assert.StartsWith("account_promotion_type: ", Assert.Single(messages));
    }

    [Theory]
    [InlineData("""{"start_date": "2030-01-01"}""", "promotion_id")]
    [InlineData("""{"promotion_id": 0, "start_date": "2030-01-01"}""", "promotion_id")]
    [InlineData("""{"promotion_id": 10000, "start_date": "2030-01-01"}""", "promotion_id")]
    [InlineData("""{"promotion_id": "2064", "start_date": "2030-01-01"}""", "promotion_id")]
    [InlineData("""{"promotion_id": 1}""", "start_date")]
    [InlineData("""{"promotion_id": 1, "start_date": "01/01/2030"}""", "start_date")]
    [InlineData("""{"promotion_id": 1, "start_date": "2030-01-01", "end_date": "2029-12-31"}""", "end_date")]
    [InlineData("""{"promotion_id": 1, "start_date": "2030-01-01", "end_date": "2030-02-30"}""", "end_date")]
    public async Task An_invalid_promotion_is_400_naming_the_field(string body, string field)
    {
        var account = await Account();

        var messages = await (await _client.PostAsync($"{Org}/accounts/{account}/promotions", HttpAssertions.Json(body))).AssertError(HttpStatusCode.BadRequest, BadRequest);

        Assert.StartsWith($"{field}: ", Assert.Single(messages));
    }

    [Fact]
    public async Task The_same_promotion_overlapping_one_of_the_account_is_409_and_a_cancelled_one_does_not_count()
    {
        var account = await Account();
        var first = (string)(await Add(account, Promotion(2064, Today.AddDays(5), Today.AddDays(10))))["id"]!;

        var messages = await (await _client.PostJson($"{Org}/accounts/{account}/promotions", Promotion(2064, Today.AddDays(10)))).AssertError(HttpStatusCode.Conflict, Conflict);
        Assert.Contains("overlaps", Assert.Single(messages));
        await Add(account, Promotion(2065, Today.AddDays(5), Today.AddDays(10)));
        await Add(account, Promotion(2064, Today.AddDays(11), Today.AddDays(12)));

        await (await _client.PatchJson($"{Org}/accounts/{account}/promotions/{first}", Cancellation(Today))).AssertStatus(HttpStatusCode.NoContent);
        await Add(account, Promotion(2064, Today.AddDays(6), Today.AddDays(10)));
    }

    [Fact]
    public async Task Cancelling_sets_the_end_date_and_before_the_start_makes_it_cancelled()
    {
        var account = await Account();
        var active = (string)(await Add(account, Promotion(20, Today.AddDays(-2))))["id"]!;
        var scheduled = (string)(await Add(account, Promotion(21, Today.AddDays(3), Today.AddDays(30))))["id"]!;

        await (await _client.PatchJson($"{Org}/accounts/{account}/promotions/{active}", Cancellation(Today.AddDays(7)))).AssertStatus(HttpStatusCode.NoContent);
        await (await _client.PatchJson($"{Org}/accounts/{account}/promotions/{scheduled}", Cancellation(Today.AddDays(1)))).AssertStatus(HttpStatusCode.NoContent);

        var all = (await (await _client.GetAsync($"{Org}/accounts/{account}/promotions?account_promotion_type=ALL")).AssertStatus(HttpStatusCode.OK)).AsArray();
        var stillActive = Assert.Single(all)!;
        Assert.Equal(active, (string?)stillActive["id"]);
        Assert.Equal("ACTIVE", (string?)stillActive["status"]);
        Assert.Equal(Day(Today.AddDays(7)), (string?)stillActive["end_date"]);
        var cancelled = (await History(account, null)).Last()!;
        Assert.Equal(21, (int)cancelled["promotion_id"]!);
        Assert.Equal("CANCELLED", (string?)cancelled["status"]);
        Assert.Equal("UPDATE", (string?)cancelled["operation"]);
        Assert.Equal(Day(Today.AddDays(1)), (string?)cancelled["end_date"]);

        await (await _client.PatchJson($"{Org}/accounts/{account}/promotions/{scheduled}", Cancellation(Today.AddDays(2)))).AssertError(HttpStatusCode.Conflict, Conflict);
    }

    [Fact]
    public async Task An_expired_promotion_cannot_be_cancelled()
    {
        var account = await Account();
        var expired = (string)(await Add(account, Promotion(22, Today.AddDays(-5), Today.AddDays(-1))))["id"]!;

        var messages = await (await _client.PatchJson($"{Org}/accounts/{account}/promotions/{expired}", Cancellation(Today))).AssertError(HttpStatusCode.Conflict, Conflict);

        Assert.Contains("EXPIRED", Assert.Single(messages));
    }

    [Theory]
    [InlineData("""{"cancellation_date": "2000-01-01"}""")]
    [InlineData("""{"cancellation_date": "tomorrow"}""")]
    [InlineData("""{}""")]
    public async Task A_past_missing_or_malformed_cancellation_date_is_400(string body)
    {
        var account = await Account();
        var promotion = (string)(await Add(account, Promotion(23, Today.AddDays(3))))["id"]!;

        var messages = await (await _client.PatchAsync($"{Org}/accounts/{account}/promotions/{promotion}", HttpAssertions.Json(body))).AssertError(HttpStatusCode.BadRequest, BadRequest);

        Assert.StartsWith("cancellation_date: ", Assert.Single(messages));
    }

    [Fact]
    public async Task Yesterday_is_in_the_past_and_today_is_not()
    {
        var account = await Account();
        var promotion = (string)(await Add(account, Promotion(24, Today.AddDays(-3))))["id"]!;

        await (await _client.PatchJson($"{Org}/accounts/{account}/promotions/{promotion}", Cancellation(Today.AddDays(-1)))).AssertError(HttpStatusCode.BadRequest, BadRequest);
        await (await _client.PatchJson($"{Org}/accounts/{account}/promotions/{promotion}", Cancellation(Today))).AssertStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task The_history_lists_operations_oldest_first_in_the_page_shape()
    {
        var account = await Account();
        var promotion = (string)(await Add(account, Promotion(2064, Today.AddDays(5), Today.AddDays(50))))["id"]!;
        await (await _client.PatchJson($"{Org}/accounts/{account}/promotions/{promotion}", Cancellation(Today.AddDays(20)))).AssertStatus(HttpStatusCode.NoContent);

        var history = await History(account, null);

        Assert.Equal(["INSERT", "UPDATE"], history.Select(o => (string?)o!["operation"]));
        var insert = history[0]!.AsObject();
        Assert.Equal(["account_id", "promotion_id", "start_date", "end_date", "status", "operation"], insert.Select(p => p.Key));
        Assert.Equal(account, (string?)insert["account_id"]);
        Assert.Equal(2064, (int)insert["promotion_id"]!);
        Assert.Equal(Day(Today.AddDays(5)), (string?)insert["start_date"]);
        Assert.Equal(Day(Today.AddDays(50)), (string?)insert["end_date"]);
        Assert.Equal("PENDING", (string?)insert["status"]);
        Assert.Equal(Day(Today.AddDays(20)), (string?)history[1]!["end_date"]);
        Assert.Equal("PENDING", (string?)history[1]!["status"]);
    }

    [Fact]
    public async Task An_open_ended_promotions_operation_lists_its_end_date_as_null()
    {
        var account = await Account();
        await Add(account, Promotion(2065, Today.AddDays(5)));

        var insert = Assert.Single(await History(account, null))!.AsObject();

        Assert.Equal(["account_id", "promotion_id", "start_date", "end_date", "status", "operation"], insert.Select(p => p.Key));
        Assert.Null(insert["end_date"]);
    }

    [Fact]
    public async Task The_history_keeps_what_was_recorded_on_or_after_its_start_date()
    {
        var account = await Account();
        await Add(account, Promotion(30, Today.AddDays(1)));

        Assert.Single(await History(account, Today));
        Assert.Single(await History(account, Today.AddDays(-30)));
        Assert.Empty(await History(account, Today.AddDays(1)));
        var messages = await (await _client.GetAsync($"{Org}/accounts/{account}/promotions_hist?start_date=2025-13-01")).AssertError(HttpStatusCode.BadRequest, BadRequest);
        Assert.StartsWith("start_date: ", Assert.Single(messages));
    }

    [Fact]
    public async Task Every_promotion_endpoint_is_404_for_an_unknown_account()
    {
        var unknown = Guid.NewGuid();

        foreach (var response in await CallEach(unknown.ToString(), Guid.NewGuid().ToString()))
        {
            await response.AssertError(HttpStatusCode.NotFound, NotFound);
        }
    }

    [Fact]
    public async Task An_unknown_promotion_is_404()
    {
        var account = await Account();

        await (await _client.PatchJson($"{Org}/accounts/{account}/promotions/{Guid.NewGuid()}", Cancellation(Today))).AssertError(HttpStatusCode.NotFound, NotFound);
    }

    [Fact]
    public async Task A_promotion_of_another_account_is_404_on_this_one()
    {
        var account = await Account();
        var other = await Account();
        var promotion = (string)(await Add(other, Promotion(31, Today.AddDays(1))))["id"]!;

        await (await _client.PatchJson($"{Org}/accounts/{account}/promotions/{promotion}", Cancellation(Today))).AssertError(HttpStatusCode.NotFound, NotFound);
    }

    [Fact]
    public async Task Ids_that_are_not_UUIDs_are_400_naming_the_parameter()
    {
        var account = await Account();

        foreach (var response in await CallEach("not-a-uuid", Guid.NewGuid().ToString()))
        {
            Assert.StartsWith("account_id: ", Assert.Single(await response.AssertError(HttpStatusCode.BadRequest, BadRequest)));
        }

        var messages = await (await _client.PatchJson($"{Org}/accounts/{account}/promotions/12345", Cancellation(Today))).AssertError(HttpStatusCode.BadRequest, BadRequest);
        Assert.StartsWith("promotion_account_id: ", Assert.Single(messages));
    }

    [Fact]
    public async Task Ending_the_account_cancels_its_scheduled_and_active_promotions_and_its_promotions_are_404_after()
    {
        var (customer, account, _) = await _client.CreateCustomerWithAccount();
        await Add(account, Promotion(40, Today.AddDays(-1)));
        await Add(account, Promotion(41, Today.AddDays(4), Today.AddDays(8)));
        await Add(account, Promotion(42, Today.AddDays(-8), Today.AddDays(-4)));

        await (await _client.DeleteAsync($"{Org}/customers/{customer}/accounts/{account}")).AssertStatus(HttpStatusCode.NoContent);

        var stored = JsonNode.Parse((await StoredAccounts.Read(api.Host.ServiceId, account))!)!;
        Assert.Equal(["CANCELLED", "CANCELLED", "EXPIRED"], stored["promotions"]!.AsArray().Select(p => (string?)p!["status"]));
        var deletes = stored["promotion_operations"]!.AsArray().Where(o => (string?)o!["operation"] == "DELETE").ToList();
        Assert.Equal([40, 41], deletes.Select(o => (int)o!["promotion_id"]!));
        Assert.All(deletes, o => Assert.Equal("CANCELLED", (string?)o!["status"]));
        foreach (var response in await CallEach(account, Guid.NewGuid().ToString()))
        {
            await response.AssertError(HttpStatusCode.NotFound, NotFound);
        }
    }

    [Fact]
    public async Task The_record_keeps_the_newest_200_ended_promotions_and_every_live_one()
    {
        var account = await Account();
        var live = (string)(await Add(account, Promotion(1, Today.AddDays(-1))))["id"]!;

        for (var i = 0; i < 205; i++)
        {
            await Add(account, Promotion(1000 + i, Today.AddDays(-9), Today.AddDays(-2)));
        }

        var stored = JsonNode.Parse((await StoredAccounts.Read(api.Host.ServiceId, account))!)!["promotions"]!.AsArray();
        Assert.Equal(201, stored.Count);
        Assert.Equal(live, (string?)stored[0]!["id"]);
        Assert.Equal(Enumerable.Range(1005, 200), stored.Skip(1).Select(p => (int)p!["promotion_id"]!));
        Assert.Equal([live], await List(account, "ALL"));
    }

    [Fact]
    public async Task An_account_with_200_live_promotions_refuses_another_live_one_with_409()
    {
        var account = await Account();
        for (var i = 0; i < 200; i++)
        {
            await Add(account, Promotion(2000 + i, Today.AddDays(1 + i)));
        }

        await (await _client.PostJson($"{Org}/accounts/{account}/promotions", Promotion(9999, Today.AddDays(500)))).AssertError(HttpStatusCode.Conflict, Conflict);
        Assert.Equal("EXPIRED", (string?)(await Add(account, Promotion(9998, Today.AddDays(-9), Today.AddDays(-2))))["status"]);
    }

    private async Task<string> Account() => (await _client.CreateCustomerWithAccount()).Account;

    private async Task<JsonNode> Add(string account, JsonObject promotion) =>
        Assert.Single((await (await _client.PostJson($"{Org}/accounts/{account}/promotions", promotion)).AssertStatus(HttpStatusCode.OK)).AsArray())!;

    private async Task<List<string?>> List(string account, string? type)
    {
        var query = type is null ? "" : $"?account_promotion_type={type}";
        var listed = await (await _client.GetAsync($"{Org}/accounts/{account}/promotions{query}")).AssertStatus(HttpStatusCode.OK);
        return listed.AsArray().Select(p => (string?)p!["id"]).ToList();
    }

    private async Task<JsonArray> History(string account, DateOnly? since)
    {
        var query = since is { } day ? $"?start_date={Day(day)}" : "";
        return (await (await _client.GetAsync($"{Org}/accounts/{account}/promotions_hist{query}")).AssertStatus(HttpStatusCode.OK)).AsArray();
    }

    private async Task<List<HttpResponseMessage>> CallEach(string account, string promotion) =>
    [
        await _client.PostJson($"{Org}/accounts/{account}/promotions", Promotion(1, Today)),
        await _client.GetAsync($"{Org}/accounts/{account}/promotions"),
        await _client.PatchJson($"{Org}/accounts/{account}/promotions/{promotion}", Cancellation(Today)),
        await _client.GetAsync($"{Org}/accounts/{account}/promotions_hist"),
    ];
}
