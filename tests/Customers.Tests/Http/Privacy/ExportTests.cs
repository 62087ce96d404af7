using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Http.Accounts;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Privacy;

[Collection(ApiCollection.Name)]
public class ExportTests(ApiHostFixture api)
{
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task Each_part_of_the_export_is_what_its_own_GET_answers()
    {
        var c = await RichCustomer.Create(_client);

        var export = await (await c.Export()).AssertStatus(HttpStatusCode.OK);

        await AssertSame($"{c.Path}", export["customer"]);
        await AssertSame($"{c.Path}/categories", export["categories"]);
        await AssertSame($"{c.Path}/categories/historical", export["categories_history"]);
        await AssertSame($"{c.Path}/special-treatment", export["special_treatment"]);
        await AssertSame($"{c.Path}/credentials", export["credentials"]);
        var account = export["accounts"]!.AsArray().Single(a => (string?)a!["account"]!["id"] == c.Account)!;
        var accountPath = $"{c.Base}/accounts/{c.Account}";
        await AssertSame(accountPath, account["account"]);
        await AssertSame($"{accountPath}/billing-address", account["billing_address_history"]);
        await AssertSame($"{accountPath}/payment-methods/historical", account["payment_method_history"]);
        await AssertSame($"{accountPath}/tokenization-requests", account["tokenization_requests"]);
        await AssertSame($"{accountPath}/promotions?account_promotion_type=ALL", account["promotions"]);
        await AssertSame($"{accountPath}/promotions_hist", account["promotions_hist"]);
        await AssertSame($"{c.Base}/external-accounts/{c.AccountExternalId}/contracts", account["contracts"]);
    }

    [Fact]
    public async Task The_export_lists_each_card_tokenized_on_an_account_as_available_credit_cards_shows_it()
    {
        var c = await RichCustomer.Create(_client);

        var export = await (await c.Export()).AssertStatus(HttpStatusCode.OK);

        var available = await (await _client.GetAsync($"{c.Path}/available-credit-cards")).AssertStatus(HttpStatusCode.OK);
        var card = Assert.Single(available["available_credit_cards"]!.AsArray())!;
        Assert.Equal(c.Values["card token"], (string?)card["id"]);
        var account = export["accounts"]!.AsArray().Single(a => (string?)a!["account"]!["id"] == c.Account)!;
        Assert.True(JsonNode.DeepEquals(new JsonArray(card.DeepClone()), account["credit_cards"]), account["credit_cards"]?.ToJsonString());
    }

    [Fact]
    public async Task The_export_shows_each_document_as_its_process_GET_does_with_a_url_that_serves_it()
    {
        var c = await RichCustomer.Create(_client);

        var export = await (await c.Export()).AssertStatus(HttpStatusCode.OK);

        var exported = Assert.Single(export["identification_processes"]!["processes"]!.AsArray())!;
        var own = await (await _client.GetAsync($"{c.Path}/identification-processes/{c.Process}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal((string?)own["process_id"], (string?)exported["process_id"]);
        Assert.Equal((string?)own["process_date"], (string?)exported["process_date"]);
        foreach (var field in new[] { "media_type", "name", "type", "size_bytes" })
        {
            Assert.True(JsonNode.DeepEquals(own["document"]![field], exported["document"]![field]), field);
        }

        var download = await api.Client(key: null).GetAsync((string)exported["document"]!["public_url"]!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(c.Document, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_export_carries_the_customers_audit_trail_as_its_events_GET_answers_it()
    {
        var c = await RichCustomer.Create(_client);

        var export = await (await c.Export()).AssertStatus(HttpStatusCode.OK);

        await AssertSame($"{c.Path}/events?limit=200", export["events"]);
        Assert.Contains(export["events"]!["events"]!.AsArray(), e => (string?)e!["type"] == "customer.created");
        Assert.Contains(export["events"]!["events"]!.AsArray(), e => (string?)e!["type"] == "account.created");
    }

    [Fact]
    public async Task The_export_includes_a_closed_account()
    {
        var c = await RichCustomer.Create(_client);

        var export = await (await c.Export()).AssertStatus(HttpStatusCode.OK);

        var closed = export["accounts"]!.AsArray().Single(a => (string?)a!["account"]!["id"] == c.ClosedAccount)!;
        Assert.NotNull((string?)closed["account"]!["ended_at"]);
        var method = closed["payment_method_history"]!["payment_methods"]![0]!;
        Assert.Equal(c.Values["closed account iban"], (string?)method["details"]);
    }

    [Fact]
    public async Task A_deleted_customer_is_still_exported()
    {
        var customer = await _client.CreateCustomer();
        var shown = await (await _client.GetAsync($"/v4/orgs/telco/customers/{customer}")).AssertStatus(HttpStatusCode.OK);
        await (await _client.DeleteAsync($"/v4/orgs/telco/customers/{customer}")).AssertStatus(HttpStatusCode.NoContent);

        var export = await (await _client.GetAsync($"/v4/orgs/telco/customers/{customer}/export")).AssertStatus(HttpStatusCode.OK);

        Assert.True(JsonNode.DeepEquals(shown, export["customer"]));
    }

    [Fact]
    public async Task Exporting_a_customer_that_never_existed_is_404()
    {
        var response = await _client.GetAsync($"/v4/orgs/telco/customers/{Guid.NewGuid()}/export");

        await response.AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task Exporting_needs_privacy_read()
    {
        var customer = await _client.CreateCustomer();

        var response = await api.Client(TestKeys.CustomersReader).GetAsync($"/v4/orgs/telco/customers/{customer}/export");

        await response.AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
    }

    private async Task AssertSame(string get, JsonNode? exported)
    {
        var own = await (await _client.GetAsync(get)).AssertStatus(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(own, exported), $"{get}\nGET:    {own.ToJsonString()}\nexport: {exported?.ToJsonString()}");
    }
}
