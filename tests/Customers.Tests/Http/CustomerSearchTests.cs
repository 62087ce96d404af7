using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http;

[Collection(ApiCollection.Name)]
public class CustomerSearchTests(ApiHostFixture api)
{
    private const string Customers = "/v4/orgs/telco/customers";
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task Searching_by_document_finds_the_customer_with_its_external_id()
    {
        var nif = Bodies.UniqueNif();
        var created = await Create(Bodies.Private(nif));

        var found = await (await _client.GetAsync($"{Customers}/search?identity_document={nif}&identity_document_type=NIF")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal((string?)created["id"], (string?)found["customer"]!["id"]);
        Assert.Equal((string?)created["external_id"], (string?)found["customer"]!["external_id"]);
    }

    [Fact]
    public async Task Searching_by_a_digital_email_ignores_case()
    {
        var email = Bodies.UniqueEmail();
        var created = await Create(Bodies.Digital(email));

        var found = await (await _client.GetAsync($"{Customers}/search?email={Uri.EscapeDataString(email.ToUpperInvariant())}")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal((string?)created["id"], (string?)found["customer"]!["id"]);
    }

    [Fact]
    public async Task Contact_emails_are_not_searched()
    {
        var email = Bodies.UniqueEmail();
        var body = Bodies.Private();
        body["contact_info"]!["emails"] = JsonNode.Parse($$"""[{"email": "{{email}}"}]""");
        await Create(body);

        await (await _client.GetAsync($"{Customers}/search?email={Uri.EscapeDataString(email)}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task Searching_by_document_and_email_of_different_customers_is_404()
    {
        var nif = Bodies.UniqueNif();
        await Create(Bodies.Private(nif));
        var email = Bodies.UniqueEmail();
        await Create(Bodies.Digital(email));

        await (await _client.GetAsync($"{Customers}/search?identity_document={nif}&identity_document_type=NIF&email={Uri.EscapeDataString(email)}"))
            .AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task Searching_without_document_or_email_is_400() =>
        await (await _client.GetAsync($"{Customers}/search")).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

    [Fact]
    public async Task Searching_by_document_without_its_type_is_400()
    {
        var messages = await (await _client.GetAsync($"{Customers}/search?identity_document=14861628V")).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("identity_document_type: "));
    }

    [Theory]
    [InlineData("nif")]
    [InlineData("DNI")]
    [InlineData("NIF%20")]
    public async Task Searching_by_a_document_type_outside_the_list_is_400_even_for_a_customer_that_exists(string type)
    {
        var nif = Bodies.UniqueNif();
        await Create(Bodies.Private(nif));

        var messages = await (await _client.GetAsync($"{Customers}/search?identity_document={nif}&identity_document_type={type}")).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("identity_document_type: "));
    }

    [Theory]
    [InlineData("x%E2%80%8B@example.com")]
    [InlineData("a%20b@example.com")]
    [InlineData("x@example.com%0A")]
    public async Task Searching_by_an_email_with_control_format_or_space_characters_is_400(string email)
    {
        var messages = await (await _client.GetAsync($"{Customers}/search?email={email}")).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("email: "));
    }

    [Theory]
    [InlineData("email", 83)]
    [InlineData("identity_document", 256)]
    public async Task Searching_by_a_value_longer_than_its_field_allows_is_400_naming_it(string parameter, int length)
    {
        var value = parameter == "email" ? new string('a', length - 12) + "@example.com" : new string('1', length);
        var query = parameter == "email" ? $"email={value}" : $"identity_document={value}&identity_document_type=PASSPORT";

        var messages = await (await _client.GetAsync($"{Customers}/search?{query}")).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith($"{parameter}: "));
    }

    [Fact]
    public async Task Searching_by_a_document_that_fails_its_control_check_simply_finds_nothing() =>
        await (await _client.GetAsync($"{Customers}/search?identity_document=12345678A&identity_document_type=NIF")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Fact]
    public async Task Searching_another_orgs_document_finds_nothing()
    {
        var nif = Bodies.UniqueNif();
        await Create(Bodies.Private(nif));

        await (await _client.GetAsync($"/v4/orgs/other-telco/customers/search?identity_document={nif}&identity_document_type=NIF")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task An_external_id_resolves_to_the_customer_id()
    {
        var created = await Create(Bodies.Private());

        var found = await (await _client.GetAsync($"/v4/orgs/telco/external-customers/{created["external_id"]}")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal((string?)created["id"], (string?)found["id"]);
    }

    [Theory]
    [InlineData("999999999999")]
    [InlineData("not-a-number")]
    public async Task An_unknown_external_id_is_404(string externalId) =>
        await (await _client.GetAsync($"/v4/orgs/telco/external-customers/{externalId}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Fact]
    public async Task An_external_id_of_another_org_is_404()
    {
        var created = await Create(Bodies.Private());

        var response = await _client.GetAsync($"/v4/orgs/other-telco/external-customers/{created["external_id"]}");

        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.NotEqual((string?)created["id"], (string?)(await response.Body())["id"]);
        }
        else
        {
            await response.AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        }
    }

    private async Task<JsonNode> Create(JsonObject body) =>
        await (await _client.PostJson(Customers, body)).AssertStatus(HttpStatusCode.Created);
}
