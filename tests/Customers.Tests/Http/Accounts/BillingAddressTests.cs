using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;
using static Customers.Tests.Http.Accounts.AccountBodies;

namespace Customers.Tests.Http.Accounts;

[Collection(ApiCollection.Name)]
public class BillingAddressTests(ApiHostFixture api)
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd");
    private static readonly string Tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd");
    private static readonly string Yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task A_new_account_has_one_current_period_without_end_date()
    {
        var (_, account, externalId) = await _client.CreateCustomerWithAccount();

        var body = await (await _client.GetAsync($"{Org}/accounts/{account}/billing-address")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(account, (string?)body["id"]);
        Assert.Equal(externalId, (string?)body["external_id"]);
        Assert.True(body.AsObject().TryGetPropertyValue("from", out var from) && from is null, "from is present and null");
        Assert.True(body.AsObject().TryGetPropertyValue("to", out var to) && to is null, "to is present and null");
        var period = Assert.Single(body["history"]!.AsArray())!;
        Assert.True(JsonNode.DeepEquals(BillingAddress(), period["billing_address"]));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", (string?)period["init_date"]);
        Assert.Null(period["end_date"]);
    }

    [Fact]
    public async Task Patching_the_billing_address_closes_the_current_period_and_opens_a_new_one()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();
        var moved = NewAddress();

        await (await _client.PatchJson($"{Org}/accounts/{account}/billing-address", moved)).AssertStatus(HttpStatusCode.NoContent);

        var history = (await (await _client.GetAsync($"{Org}/accounts/{account}/billing-address")).AssertStatus(HttpStatusCode.OK))["history"]!.AsArray();
        Assert.Equal(2, history.Count);
        Assert.True(JsonNode.DeepEquals(BillingAddress(), history[0]!["billing_address"]));
        Assert.NotNull(history[0]!["end_date"]);
        Assert.True(JsonNode.DeepEquals(moved, history[1]!["billing_address"]));
        Assert.Null(history[1]!["end_date"]);
        var read = await (await _client.GetAsync($"{Org}/accounts/{account}")).AssertStatus(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(moved, read["billing_address"]));
    }

    [Fact]
    public async Task Filtering_by_today_includes_both_ends_and_echoes_the_dates()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();
        await (await _client.PatchJson($"{Org}/accounts/{account}/billing-address", NewAddress())).AssertStatus(HttpStatusCode.NoContent);

        var body = await (await _client.GetAsync($"{Org}/accounts/{account}/billing-address?from={Today}&to={Today}")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(Today, (string?)body["from"]);
        Assert.Equal(Today, (string?)body["to"]);
        Assert.Equal(2, body["history"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_range_before_the_account_existed_gives_an_empty_history()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();

        var body = await (await _client.GetAsync($"{Org}/accounts/{account}/billing-address?to={Yesterday}")).AssertStatus(HttpStatusCode.OK);

        Assert.Empty(body["history"]!.AsArray());
    }

    [Fact]
    public async Task A_range_from_tomorrow_shows_only_the_current_address()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();
        var moved = NewAddress();
        await (await _client.PatchJson($"{Org}/accounts/{account}/billing-address", moved)).AssertStatus(HttpStatusCode.NoContent);

        var body = await (await _client.GetAsync($"{Org}/accounts/{account}/billing-address?from={Tomorrow}")).AssertStatus(HttpStatusCode.OK);

        Assert.True(JsonNode.DeepEquals(moved, Assert.Single(body["history"]!.AsArray())!["billing_address"]));
    }

    [Theory]
    [InlineData("to=9999-12-31")]
    [InlineData("from=0001-01-01&to=9999-12-31")]
    public async Task A_range_to_the_last_representable_day_shows_the_current_address(string query)
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();

        var body = await (await _client.GetAsync($"{Org}/accounts/{account}/billing-address?{query}")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal("9999-12-31", (string?)body["to"]);
        Assert.True(JsonNode.DeepEquals(BillingAddress(), Assert.Single(body["history"]!.AsArray())!["billing_address"]));
    }

    [Theory]
    [InlineData("from=2024-13-01", "from: ")]
    [InlineData("to=01-01-2024", "to: ")]
    [InlineData("from=yesterday", "from: ")]
    [InlineData("from=2024-02-02&to=2024-02-01", "from: ")]
    public async Task A_bad_date_or_from_after_to_is_400(string query, string field)
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();

        var messages = await (await _client.GetAsync($"{Org}/accounts/{account}/billing-address?{query}")).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith(field));
    }

    [Fact]
    public async Task The_billing_address_of_an_unknown_account_is_404()
    {
        await (await _client.GetAsync($"{Org}/accounts/{Guid.NewGuid()}/billing-address")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _client.PatchJson($"{Org}/accounts/{Guid.NewGuid()}/billing-address", NewAddress())).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task Patching_an_invalid_billing_address_is_400_and_changes_nothing()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();
        var bad = NewAddress();
        bad["state_id"] = "28";

        var messages = await (await _client.PatchJson($"{Org}/accounts/{account}/billing-address", bad)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("state_id: "));
        var history = (await (await _client.GetAsync($"{Org}/accounts/{account}/billing-address")).AssertStatus(HttpStatusCode.OK))["history"]!.AsArray();
        Assert.Single(history);
    }

    [Fact]
    public async Task The_invoice_recipient_of_a_private_customer_is_the_full_name_and_one_joined_line()
    {
        var customer = await _client.CreateCustomer();
        var body = Account();
        body["billing_address"]!["address_lines"] = new JsonArray("Avenida de Bruselas, 38", "Portal 2", "3º B");
        var account = (string)(await _client.CreateAccount(customer, body))["id"]!;

        var recipient = await (await _client.GetAsync($"{Org}/accounts/{account}/invoice-recipient")).AssertStatus(HttpStatusCode.OK);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"name": "Antonio Benavente Blanco", "address_lines": ["Avenida de Bruselas, 38, Portal 2, 3º B"],
             "postal_code": "28108", "locality": "Alcobendas", "administrative_area": "Madrid", "region_code": "ES"}
            """), recipient));
    }

    [Fact]
    public async Task The_invoice_recipient_line_is_cut_to_100_characters()
    {
        var customer = await _client.CreateCustomer();
        var body = Account();
        var lines = new[] { new string('a', 60), new string('b', 60) };
        body["billing_address"]!["address_lines"] = new JsonArray(lines[0], lines[1]);
        var account = (string)(await _client.CreateAccount(customer, body))["id"]!;

        var recipient = await (await _client.GetAsync($"{Org}/accounts/{account}/invoice-recipient")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(string.Join(", ", lines)[..100], (string?)Assert.Single(recipient["address_lines"]!.AsArray()));
    }

    [Fact]
    public async Task The_invoice_recipient_line_is_cut_between_characters_never_inside_one()
    {
        var customer = await _client.CreateCustomer();
        var body = Account();
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", 45));
        body["billing_address"]!["address_lines"] = new JsonArray(new string('a', 59), emoji);
        var account = (string)(await _client.CreateAccount(customer, body))["id"]!;

        var recipient = await (await _client.GetAsync($"{Org}/accounts/{account}/invoice-recipient")).AssertStatus(HttpStatusCode.OK);

        // 59 letters, ", " and 39 of the emoji: 100 characters, 139 UTF-16 units.
        var expected = new string('a', 59) + ", " + string.Concat(Enumerable.Repeat("\U0001F600", 39));
        Assert.Equal(expected, (string?)Assert.Single(recipient["address_lines"]!.AsArray()));
    }

    [Fact]
    public async Task The_invoice_recipient_of_a_corporate_customer_is_the_company_name()
    {
        var customer = await _client.CreateCustomer(Bodies.Corporate());
        var account = (string)(await _client.CreateAccount(customer))["id"]!;

        var recipient = await (await _client.GetAsync($"{Org}/accounts/{account}/invoice-recipient")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal("Telco Partner SL", (string?)recipient["name"]);
    }

    [Fact]
    public async Task The_invoice_recipient_follows_a_renamed_customer()
    {
        var (customer, account, _) = await _client.CreateCustomerWithAccount();
        await (await _client.PatchJson($"{Org}/customers/{customer}", JsonNode.Parse("""{"personal_info": {"name": "Luis"}}""")!)).AssertStatus(HttpStatusCode.NoContent);

        var recipient = await (await _client.GetAsync($"{Org}/accounts/{account}/invoice-recipient")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal("Luis Benavente Blanco", (string?)recipient["name"]);
    }

    [Fact]
    public async Task The_invoice_recipient_of_an_unknown_account_is_404() =>
        await (await _client.GetAsync($"{Org}/accounts/{Guid.NewGuid()}/invoice-recipient")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Fact]
    public async Task The_stored_history_keeps_only_the_newest_200_periods()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();
        var lines = new List<string>();
        for (var i = 0; i < 205; i++)
        {
            var address = NewAddress();
            var line = $"Carrer de Mallorca, {i}";
            address["address_lines"] = new JsonArray(line);
            lines.Add(line);
            await (await _client.PatchJson($"{Org}/accounts/{account}/billing-address", address)).AssertStatus(HttpStatusCode.NoContent);
        }

        var history = (await (await _client.GetAsync($"{Org}/accounts/{account}/billing-address")).AssertStatus(HttpStatusCode.OK))["history"]!.AsArray();

        Assert.Equal(200, history.Count);
        Assert.Equal(lines[^1], (string?)history[^1]!["billing_address"]!["address_lines"]![0]);
        Assert.Null(history[^1]!["end_date"]);
        Assert.Equal(lines[5], (string?)history[0]!["billing_address"]!["address_lines"]![0]);
    }

    private static JsonObject NewAddress() => JsonNode.Parse("""
        {
          "address_lines": ["Carrer de Mallorca, 401"],
          "postal_code": "08013",
          "state_id": "08",
          "locality": "Barcelona",
          "administrative_area": "Barcelona",
          "region_code": "ES"
        }
        """)!.AsObject();
}
