using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http;

[Collection(ApiCollection.Name)]
public class CustomerLifecycleTests(ApiHostFixture api)
{
    private const string Customers = "/v4/orgs/telco/customers";
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task Getting_a_customer_with_a_non_UUID_id_is_400()
    {
        var messages = await (await _client.GetAsync($"{Customers}/not-a-uuid")).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("customer_id: "));
    }

    [Theory]
    [InlineData("%0A", "")]
    [InlineData("%20", "")]
    [InlineData("", "%20")]
    public async Task Getting_a_customer_whose_id_has_white_space_around_it_is_400(string before, string after)
    {
        var created = (string)(await (await _client.PostJson(Customers, Bodies.Private())).AssertStatus(HttpStatusCode.Created))["id"]!;

        var messages = await (await _client.GetAsync($"{Customers}/{before}{created}{after}")).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("customer_id: "));
    }

    [Fact]
    public async Task Getting_an_unknown_customer_is_404() =>
        await (await _client.GetAsync($"{Customers}/{Guid.NewGuid()}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Fact]
    public async Task A_customer_of_one_org_is_404_in_another()
    {
        var id = await Create(Bodies.Private());

        await (await _client.GetAsync($"/v4/orgs/other-telco/customers/{id}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task Patching_a_customer_is_204_and_changes_only_what_was_given()
    {
        var id = await Create(Bodies.Private());
        var patch = JsonNode.Parse("""
            {"preferred_language": "gl",
             "personal_info": {"name": "Luis", "nationality": "PT"},
             "contact_info": {"phone_numbers": [{"country_code": "+351", "number": "912345678", "type": "LANDLINE"}]}}
            """)!;

        await (await _client.PatchJson($"{Customers}/{id}", patch)).AssertStatus(HttpStatusCode.NoContent);

        var customer = await (await _client.GetAsync($"{Customers}/{id}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("gl", (string?)customer["preferred_language"]);
        Assert.Equal("Luis", (string?)customer["personal_info"]!["name"]);
        Assert.Equal("PT", (string?)customer["personal_info"]!["nationality"]);
        Assert.Equal("Benavente", (string?)customer["personal_info"]!["first_surname"]);
        Assert.Equal("+351", (string?)customer["contact_info"]!["phone_numbers"]![0]!["country_code"]);
        Assert.True((bool?)customer["contact_info"]!["phone_numbers"]![0]!["is_default"]);
        Assert.Equal("email@example.com", (string?)customer["contact_info"]!["emails"]![0]!["email"]);
    }

    [Fact]
    public async Task Patching_with_an_invalid_field_is_400_and_changes_nothing()
    {
        var id = await Create(Bodies.Private());

        var messages = await (await _client.PatchJson($"{Customers}/{id}", JsonNode.Parse("""{"preferred_language": "gl", "personal_info": {"birthdate": "2999-12-31"}}""")!))
            .AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("personal_info.birthdate: "));
        var customer = await (await _client.GetAsync($"{Customers}/{id}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("es", (string?)customer["preferred_language"]);
    }

    [Fact]
    public async Task Patching_away_every_phone_and_email_is_400()
    {
        var id = await Create(Bodies.Private());

        await (await _client.PatchJson($"{Customers}/{id}", JsonNode.Parse("""{"contact_info": {"phone_numbers": [], "emails": []}}""")!))
            .AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");
    }

    [Fact]
    public async Task Patching_an_unknown_customer_is_404() =>
        await (await _client.PatchJson($"{Customers}/{Guid.NewGuid()}", JsonNode.Parse("""{"preferred_language": "gl"}""")!))
            .AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Fact]
    public async Task Patching_a_digital_email_to_a_taken_one_is_409()
    {
        var taken = Bodies.UniqueEmail();
        await Create(Bodies.Digital(taken));
        var id = await Create(Bodies.Digital());

        await (await _client.PatchJson($"{Customers}/{id}", JsonNode.Parse($$$"""{"digital_personal_info": {"email": "{{{taken}}}"}}""")!))
            .AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task Patching_a_digital_email_frees_the_old_one_and_search_follows()
    {
        var old = Bodies.UniqueEmail();
        var id = await Create(Bodies.Digital(old));
        var fresh = Bodies.UniqueEmail();

        await (await _client.PatchJson($"{Customers}/{id}", JsonNode.Parse($$$"""{"digital_personal_info": {"email": "{{{fresh}}}"}}""")!))
            .AssertStatus(HttpStatusCode.NoContent);

        await (await _client.GetAsync($"{Customers}/search?email={Uri.EscapeDataString(old)}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        var found = await (await _client.GetAsync($"{Customers}/search?email={Uri.EscapeDataString(fresh)}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(id, (string?)found["customer"]!["id"]);
        await Create(Bodies.Digital(old));
    }

    [Fact]
    public async Task Deleting_a_customer_is_204_and_it_is_404_everywhere_afterwards()
    {
        var nif = Bodies.UniqueNif();
        var created = await (await _client.PostJson(Customers, Bodies.Private(nif))).AssertStatus(HttpStatusCode.Created);
        var id = (string)created["id"]!;

        await (await _client.DeleteAsync($"{Customers}/{id}")).AssertStatus(HttpStatusCode.NoContent);

        await (await _client.GetAsync($"{Customers}/{id}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _client.DeleteAsync($"{Customers}/{id}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _client.GetAsync($"{Customers}/search?identity_document={nif}&identity_document_type=NIF")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _client.GetAsync($"/v4/orgs/telco/external-customers/{created["external_id"]}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _client.PostJson(Customers, Bodies.Private(nif))).AssertStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_customer_read_lists_every_contact_part_and_the_second_surname_even_when_not_given()
    {
        var body = Bodies.Private();
        body["contact_info"] = JsonNode.Parse("""{"emails": [{"email": "only@example.com"}]}""");
        body["personal_info"]!.AsObject().Remove("second_surname");
        var id = await Create(body);

        var customer = await (await _client.GetAsync($"{Customers}/{id}")).AssertStatus(HttpStatusCode.OK);

        var contact = customer["contact_info"]!.AsObject();
        Assert.Empty(contact["phone_numbers"]!.AsArray());
        Assert.True(contact.TryGetPropertyValue("postal_address", out var postal) && postal is null, "postal_address is listed as null");
        Assert.True(customer["personal_info"]!.AsObject().TryGetPropertyValue("second_surname", out var second) && second is null, "second_surname is listed as null");
    }

    [Fact]
    public async Task A_corporate_customer_created_without_associated_users_shows_an_empty_list()
    {
        var id = await Create(Bodies.Corporate());

        var customer = await (await _client.GetAsync($"{Customers}/{id}")).AssertStatus(HttpStatusCode.OK);

        Assert.Empty(customer["company_info"]!["associated_users"]!.AsArray());
    }

    [Fact]
    public async Task An_associated_user_given_at_creation_gets_its_default_contact_items_marked()
    {
        var body = Bodies.Corporate();
        var user = Bodies.AssociatedUsers()["associated_users"]![0]!.DeepClone();
        user["contact_info"] = JsonNode.Parse("""
            {"emails": [{"email": "rep@example.com"}, {"email": "rep2@example.com"}],
             "phone_numbers": [{"country_code": "+34", "number": "615667898", "type": "MOBILE"}]}
            """);
        body["company_info"]!["associated_users"] = new JsonArray(user);
        var id = await Create(body);

        var customer = await (await _client.GetAsync($"{Customers}/{id}")).AssertStatus(HttpStatusCode.OK);

        var contact = customer["company_info"]!["associated_users"]![0]!["contact_info"]!;
        Assert.Equal([true, false], contact["emails"]!.AsArray().Select(e => (bool)e!["is_default"]!));
        Assert.True((bool)contact["phone_numbers"]![0]!["is_default"]!);
    }

    [Fact]
    public async Task A_representative_s_names_take_the_255_characters_of_free_text_and_no_more()
    {
        var id = await Create(Bodies.Corporate());
        var body = Bodies.AssociatedUsers();
        body["associated_users"]![0]!["name"] = new string('n', 255);
        await (await _client.PutJson($"{Customers}/{id}/associated_users", body)).AssertStatus(HttpStatusCode.NoContent);

        body["associated_users"]![0]!["first_surname"] = new string('f', 256);
        var messages = await (await _client.PutJson($"{Customers}/{id}/associated_users", body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("associated_users[0].first_surname: ", StringComparison.Ordinal));
        var customer = await (await _client.GetAsync($"{Customers}/{id}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(new string('n', 255), (string?)customer["company_info"]!["associated_users"]![0]!["name"]);
    }

    [Fact]
    public async Task Putting_the_associated_user_of_a_corporate_customer_replaces_it()
    {
        var id = await Create(Bodies.Corporate());
        await (await _client.PutJson($"{Customers}/{id}/associated_users", Bodies.AssociatedUsers())).AssertStatus(HttpStatusCode.NoContent);
        var nif = Bodies.UniqueNif();

        var body = Bodies.AssociatedUsers(nif);
        body["associated_users"]![0]!.AsObject().Remove("role");
        await (await _client.PutJson($"{Customers}/{id}/associated_users", body)).AssertStatus(HttpStatusCode.NoContent);

        var customer = await (await _client.GetAsync($"{Customers}/{id}")).AssertStatus(HttpStatusCode.OK);
        var users = customer["company_info"]!["associated_users"]!.AsArray();
        Assert.Single(users);
        Assert.Equal(nif, (string?)users[0]!["identity_document"]!["number"]);
        Assert.Equal("AUTHORIZED_REPRESENTATIVE", (string?)users[0]!["role"]);
    }

    [Fact]
    public async Task Associated_users_on_a_private_customer_is_400()
    {
        var id = await Create(Bodies.Private());

        await (await _client.PutJson($"{Customers}/{id}/associated_users", Bodies.AssociatedUsers())).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");
    }

    [Fact]
    public async Task Associated_users_must_be_exactly_one()
    {
        var id = await Create(Bodies.Corporate());
        var body = Bodies.AssociatedUsers();
        body["associated_users"]!.AsArray().Add(Bodies.AssociatedUsers()["associated_users"]![0]!.DeepClone());

        var messages = await (await _client.PutJson($"{Customers}/{id}/associated_users", body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("associated_users: "));
    }

    [Fact]
    public async Task An_associated_user_with_a_passport_is_400()
    {
        var id = await Create(Bodies.Corporate());
        var body = Bodies.AssociatedUsers();
        body["associated_users"]![0]!["identity_document"] = JsonNode.Parse("""{"number": "AB12345", "type": "PASSPORT"}""");

        var messages = await (await _client.PutJson($"{Customers}/{id}/associated_users", body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("associated_users[0].identity_document.type: "));
    }

    [Fact]
    public async Task Associated_users_of_an_unknown_customer_is_404() =>
        await (await _client.PutJson($"{Customers}/{Guid.NewGuid()}/associated_users", Bodies.AssociatedUsers())).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Fact]
    public async Task Converting_a_NIE_to_a_NIF_moves_search_to_the_NIF()
    {
        var nie = Bodies.UniqueNie();
        var id = await Create(Bodies.Private(nie, "NIE"));
        var nif = Bodies.UniqueNif();

        await (await _client.PatchJson($"{Customers}/{id}/convert-nie-to-nif", new JsonObject { ["nif"] = nif })).AssertStatus(HttpStatusCode.NoContent);

        await (await _client.GetAsync($"{Customers}/search?identity_document={nie}&identity_document_type=NIE")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        var found = await (await _client.GetAsync($"{Customers}/search?identity_document={nif}&identity_document_type=NIF")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(id, (string?)found["customer"]!["id"]);
        var customer = await (await _client.GetAsync($"{Customers}/{id}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("NIF", (string?)customer["personal_info"]!["identity_document"]!["type"]);
    }

    [Fact]
    public async Task Converting_a_customer_whose_document_is_not_a_NIE_is_409()
    {
        var id = await Create(Bodies.Private());

        await (await _client.PatchJson($"{Customers}/{id}/convert-nie-to-nif", new JsonObject { ["nif"] = Bodies.UniqueNif() })).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task Converting_to_an_invalid_NIF_is_400()
    {
        var id = await Create(Bodies.Private(Bodies.UniqueNie(), "NIE"));

        var messages = await (await _client.PatchJson($"{Customers}/{id}/convert-nie-to-nif", new JsonObject { ["nif"] = "12345678A" })).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("nif: "));
    }

    [Fact]
    public async Task Converting_to_a_NIF_of_another_customer_is_409()
    {
        var taken = Bodies.UniqueNif();
        await Create(Bodies.Private(taken));
        var id = await Create(Bodies.Private(Bodies.UniqueNie(), "NIE"));

        await (await _client.PatchJson($"{Customers}/{id}/convert-nie-to-nif", new JsonObject { ["nif"] = taken })).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task Converting_an_unknown_customer_is_404() =>
        await (await _client.PatchJson($"{Customers}/{Guid.NewGuid()}/convert-nie-to-nif", new JsonObject { ["nif"] = Bodies.UniqueNif() })).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    private async Task<string> Create(JsonObject body) =>
        (string)(await (await _client.PostJson(Customers, body)).AssertStatus(HttpStatusCode.Created))["id"]!;
}
