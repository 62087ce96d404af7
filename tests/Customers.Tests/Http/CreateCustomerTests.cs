using System.Net;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http;

[Collection(ApiCollection.Name)]
public class CreateCustomerTests(ApiHostFixture api)
{
    private const string Customers = "/v4/orgs/telco/customers";
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task Creating_a_private_customer_is_201_with_id_and_external_id()
    {
        var body = await (await _client.PostJson(Customers, Bodies.Private())).AssertStatus(HttpStatusCode.Created);

        Assert.True(Guid.TryParse((string?)body["id"], out _));
        Assert.Matches("^[0-9]+$", (string?)body["external_id"]);
    }

    [Fact]
    public async Task A_created_private_customer_reads_back_with_every_field()
    {
        var nif = Bodies.UniqueNif();
        var created = await (await _client.PostJson(Customers, Bodies.Private(nif))).AssertStatus(HttpStatusCode.Created);

        var customer = await (await _client.GetAsync($"{Customers}/{created["id"]}")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal((string?)created["id"], (string?)customer["id"]);
        Assert.Equal((string?)created["external_id"], (string?)customer["external_id"]);
        Assert.Equal("PRIVATE_CUSTOMER", (string?)customer["type"]);
        Assert.Equal("CONSUMER", (string?)customer["segment"]);
        Assert.Equal("ACTIVE", (string?)customer["status"]);
        Assert.Equal("es", (string?)customer["preferred_language"]);
        Assert.Equal(nif, (string?)customer["personal_info"]!["identity_document"]!["number"]);
        Assert.Equal("Benavente", (string?)customer["personal_info"]!["first_surname"]);
        Assert.Equal("1980-01-01", (string?)customer["personal_info"]!["birthdate"]);
        Assert.Equal("615667898", (string?)customer["contact_info"]!["phone_numbers"]![0]!["number"]);
        Assert.Equal("28039", (string?)customer["contact_info"]!["postal_address"]!["postal_code"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", (string?)customer["created_at"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", (string?)customer["updated_at"]);
    }

    [Fact]
    public async Task A_document_number_is_stored_trimmed_and_upper_cased()
    {
        var nif = Bodies.UniqueNif();
        var created = await (await _client.PostJson(Customers, Bodies.Private($" {nif.ToLowerInvariant()} "))).AssertStatus(HttpStatusCode.Created);

        var customer = await (await _client.GetAsync($"{Customers}/{created["id"]}")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(nif, (string?)customer["personal_info"]!["identity_document"]!["number"]);
    }

    [Fact]
    public async Task Creating_an_SME_with_a_CIF_is_201()
    {
        var created = await (await _client.PostJson(Customers, Bodies.Corporate())).AssertStatus(HttpStatusCode.Created);

        var customer = await (await _client.GetAsync($"{Customers}/{created["id"]}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("SME", (string?)customer["segment"]);
        Assert.Equal("Telco Partner SL", (string?)customer["company_info"]!["name"]);
    }

    [Fact]
    public async Task Creating_a_self_employed_customer_with_a_NIF_is_201() =>
        await (await _client.PostJson(Customers, Bodies.Corporate("SELF_EMPLOYEE", Bodies.UniqueNif(), "NIF"))).AssertStatus(HttpStatusCode.Created);

    [Fact]
    public async Task An_SME_with_a_NIF_is_400_naming_the_document_type()
    {
        var messages = await (await _client.PostJson(Customers, Bodies.Corporate("SME", Bodies.UniqueNif(), "NIF"))).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("company_info.identity_document.type:"));
    }

    [Fact]
    public async Task Creating_a_digital_customer_is_201_without_segment()
    {
        var created = await (await _client.PostJson(Customers, Bodies.Digital())).AssertStatus(HttpStatusCode.Created);

        var customer = await (await _client.GetAsync($"{Customers}/{created["id"]}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("DIGITAL_CUSTOMER", (string?)customer["type"]);
        Assert.Null(customer["segment"]);
    }

    [Fact]
    public async Task A_segment_that_does_not_fit_the_type_is_400()
    {
        var body = Bodies.Private();
        body["segment"] = "SME";

        var messages = await (await _client.PostJson(Customers, body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("segment:"));
    }

    [Fact]
    public async Task A_digital_customer_with_a_segment_is_400()
    {
        var body = Bodies.Digital();
        body["segment"] = "CONSUMER";

        var messages = await (await _client.PostJson(Customers, body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("segment:"));
    }

    [Fact]
    public async Task Creating_a_customer_with_a_taken_NIF_is_409()
    {
        var nif = Bodies.UniqueNif();
        await (await _client.PostJson(Customers, Bodies.Private(nif))).AssertStatus(HttpStatusCode.Created);

        await (await _client.PostJson(Customers, Bodies.Private(nif))).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task Creating_a_digital_customer_with_a_taken_email_in_another_case_is_409()
    {
        var email = Bodies.UniqueEmail();
        await (await _client.PostJson(Customers, Bodies.Digital(email))).AssertStatus(HttpStatusCode.Created);

        await (await _client.PostJson(Customers, Bodies.Digital(email.ToUpperInvariant()))).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task The_same_NIF_in_another_org_is_not_a_conflict()
    {
        var nif = Bodies.UniqueNif();
        await (await _client.PostJson(Customers, Bodies.Private(nif))).AssertStatus(HttpStatusCode.Created);

        await (await _client.PostJson("/v4/orgs/other-telco/customers", Bodies.Private(nif))).AssertStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Twenty_concurrent_creates_with_one_NIF_give_one_201_and_nineteen_409s()
    {
        var nif = Bodies.UniqueNif();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _client.PostJson(Customers, Bodies.Private(nif))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task External_ids_grow_with_each_customer_of_an_org()
    {
        var first = await (await _client.PostJson(Customers, Bodies.Private())).AssertStatus(HttpStatusCode.Created);
        var second = await (await _client.PostJson(Customers, Bodies.Private())).AssertStatus(HttpStatusCode.Created);

        Assert.True(long.Parse((string)first["external_id"]!) < long.Parse((string)second["external_id"]!));
    }
}
