using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http;

/// <summary>Each violated rule of contract §2/§3 is a 400 whose message names the field path.</summary>
[Collection(ApiCollection.Name)]
public class CustomerValidationTests(ApiHostFixture api)
{
    private const string Customers = "/v4/orgs/telco/customers";
    private readonly HttpClient _client = api.Client();

    public static TheoryData<string, string, string> Violations => new()
    {
        // field path to break, JSON value to put there, field the message must name
        { "personal_info.identity_document.number", "\"12345678A\"", "personal_info.identity_document.number" },
        { "personal_info.identity_document.type", "\"CIF\"", "personal_info.identity_document.type" },
        { "personal_info.identity_document.number", "\"X1234567A\"", "personal_info.identity_document.number" },
        { "personal_info.name", "\"\"", "personal_info.name" },
        { "personal_info.name", new string('a', 51).Quoted(), "personal_info.name" },
        { "personal_info.first_surname", "null", "personal_info.first_surname" },
        { "personal_info.gender", "\"UNKNOWN\"", "personal_info.gender" },
        // Required on creation: the contract marks no optional field of a person but the second surname.
        { "personal_info.gender", "null", "personal_info.gender" },
        { "personal_info.nationality", "null", "personal_info.nationality" },
        { "personal_info.birthdate", "null", "personal_info.birthdate" },
        { "personal_info.nationality", "\"es\"", "personal_info.nationality" },
        { "personal_info.nationality", "\"ESP\"", "personal_info.nationality" },
        { "personal_info.birthdate", "\"2999-01-01\"", "personal_info.birthdate" },
        { "personal_info.birthdate", "\"01/01/1980\"", "personal_info.birthdate" },
        { "preferred_language", "\"fr\"", "preferred_language" },
        { "preferred_language", "null", "preferred_language" },
        { "type", "\"VIP_CUSTOMER\"", "type" },
        { "contact_info.postal_address.postal_code", "\"00999\"", "contact_info.postal_address.postal_code" },
        { "contact_info.postal_address.postal_code", "\"01234junk\"", "contact_info.postal_address.postal_code" },
        { "contact_info.postal_address.postal_code", "\"53000\"", "contact_info.postal_address.postal_code" },
        { "contact_info.postal_address.address_lines", "[\"Calle undefined 3\"]", "contact_info.postal_address.address_lines[0]" },
        { "contact_info.postal_address.address_lines", "[\"UNDEFINED\"]", "contact_info.postal_address.address_lines[0]" },
        { "contact_info.postal_address.address_lines", "[]", "contact_info.postal_address.address_lines" },
        { "contact_info.postal_address.address_lines", "[\"a\",\"b\",\"c\",\"d\"]", "contact_info.postal_address.address_lines" },
        { "contact_info.postal_address.address_lines", "[\"" + new string('x', 101) + "\"]", "contact_info.postal_address.address_lines[0]" },
        { "contact_info.postal_address.locality", "\"M\"", "contact_info.postal_address.locality" },
        { "contact_info.postal_address.administrative_area", "\"Mad\"", "contact_info.postal_address.administrative_area" },
        { "contact_info.postal_address.region_code", "\"es\"", "contact_info.postal_address.region_code" },
        { "contact_info.phone_numbers", "[{\"country_code\":\"+34\",\"number\":\"61566789\",\"type\":\"MOBILE\"}]", "contact_info.phone_numbers[0].number" },
        { "contact_info.phone_numbers", "[{\"country_code\":\"34\",\"number\":\"615667898\",\"type\":\"MOBILE\"}]", "contact_info.phone_numbers[0].country_code" },
        { "contact_info.phone_numbers", "[{\"country_code\":\"+44\",\"number\":\"12345\",\"type\":\"MOBILE\"}]", "contact_info.phone_numbers[0].number" },
        { "contact_info.phone_numbers", "[{\"country_code\":\"+034\",\"number\":\"1234567\",\"type\":\"MOBILE\"}]", "contact_info.phone_numbers[0].country_code" },
        { "contact_info.phone_numbers", "[{\"country_code\":\"+34\",\"number\":\"615667898\",\"type\":\"FAX\"}]", "contact_info.phone_numbers[0].type" },
        { "contact_info.emails", "[{\"email\":\"not-an-email\"}]", "contact_info.emails[0].email" },
        { "contact_info.emails", "[{\"email\":\"" + new string('a', 80) + "@example.com\"}]", "contact_info.emails[0].email" },
        { "contact_info.emails", "[{\"email\":\"a@example.com\",\"is_default\":true},{\"email\":\"b@example.com\",\"is_default\":true}]", "contact_info.emails" },
        // A pattern matches the whole value: a space or a line break around it is not trimmed away.
        { "contact_info.postal_address.postal_code", "\"28001\\n\"", "contact_info.postal_address.postal_code" },
        { "contact_info.postal_address.region_code", "\" ES\"", "contact_info.postal_address.region_code" },
        { "personal_info.nationality", "\"ES\\n\"", "personal_info.nationality" },
        { "contact_info.phone_numbers", "[{\"country_code\":\"+34\",\"number\":\"615667898\\n\",\"type\":\"MOBILE\"}]", "contact_info.phone_numbers[0].number" },
        { "contact_info.phone_numbers", "[{\"country_code\":\"+34 \",\"number\":\"615667898\",\"type\":\"MOBILE\"}]", "contact_info.phone_numbers[0].country_code" },
        { "contact_info.emails", "[{\"email\":\"a@example.com\\n\"}]", "contact_info.emails[0].email" },
        { "contact_info.emails", "[{\"email\":\" a@example.com\"}]", "contact_info.emails[0].email" },
        { "contact_info", "{\"phone_numbers\":[],\"emails\":[]}", "contact_info" },
        { "contact_info", "null", "contact_info" },
        { "personal_info", "null", "personal_info" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task A_violated_rule_is_400_naming_its_field(string path, string value, string namedField)
    {
        var body = Bodies.Private();
        Set(body, path, value);

        var messages = await (await _client.PostJson(Customers, body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith($"{namedField}: "));
    }

    [Fact]
    public async Task Every_violation_gets_its_own_entry()
    {
        var body = Bodies.Private("12345678A");
        Set(body, "preferred_language", "\"xx\"");
        Set(body, "contact_info.postal_address.postal_code", "\"99999\"");

        var messages = await (await _client.PostJson(Customers, body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Equal(3, messages.Count);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("first_surname")]
    public async Task A_digital_customer_s_name_takes_255_characters_and_no_more(string field)
    {
        var longest = Bodies.Digital();
        longest["digital_personal_info"]![field] = new string('n', 255);
        var tooLong = Bodies.Digital();
        tooLong["digital_personal_info"]![field] = new string('n', 256);

        var created = await (await _client.PostJson(Customers, longest)).AssertStatus(HttpStatusCode.Created);
        var messages = await (await _client.PostJson(Customers, tooLong)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        var read = await (await _client.GetAsync($"{Customers}/{created["id"]}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(255, ((string?)read["digital_personal_info"]![field])!.Length);
        Assert.Contains(messages, m => m.StartsWith($"digital_personal_info.{field}: "));
    }

    [Theory]
    [InlineData("CONSUMER")]
    [InlineData("sme")]
    [InlineData(null)]
    public async Task A_corporate_customer_with_a_wrong_segment_gets_the_segments_error_alone(string? segment)
    {
        var body = Bodies.Corporate();
        body["segment"] = segment;

        var messages = await (await _client.PostJson(Customers, body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.StartsWith("segment: ", Assert.Single(messages));
    }

    [Fact]
    public async Task Lengths_count_characters_so_a_character_outside_the_basic_plane_counts_once()
    {
        // 50 emoji are 100 UTF-16 units: the limit of 50 is in characters.
        var longest = Bodies.Private();
        longest["personal_info"]!["name"] = string.Concat(Enumerable.Repeat("\U0001F600", 50));
        var tooLong = Bodies.Private();
        tooLong["personal_info"]!["name"] = string.Concat(Enumerable.Repeat("\U0001F600", 51));

        var created = await (await _client.PostJson(Customers, longest)).AssertStatus(HttpStatusCode.Created);
        var messages = await (await _client.PostJson(Customers, tooLong)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        var read = await (await _client.GetAsync($"{Customers}/{created["id"]}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(longest["personal_info"]!["name"]!.GetValue<string>(), (string?)read["personal_info"]!["name"]);
        Assert.Contains(messages, m => m.StartsWith("personal_info.name: "));
    }

    [Fact]
    public async Task A_digital_email_longer_than_82_is_400()
    {
        var body = Bodies.Digital(new string('a', 71) + "@example.com");

        var messages = await (await _client.PostJson(Customers, body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("digital_personal_info.email: "));
    }

    [Fact]
    public async Task Malformed_JSON_is_400_in_the_envelope()
    {
        var response = await _client.PostAsync(Customers, HttpAssertions.Json("{\"type\": \"PRIVATE_CUSTOMER\","));

        await response.AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");
    }

    [Fact]
    public async Task A_wrong_JSON_type_is_400_naming_the_field()
    {
        var body = Bodies.Private();
        Set(body, "contact_info.emails", "[{\"email\":\"a@example.com\",\"is_default\":\"yes\"}]");

        var messages = await (await _client.PostJson(Customers, body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("contact_info.emails[0].is_default: "));
    }

    [Fact]
    public async Task A_number_where_a_string_belongs_is_400_naming_the_field()
    {
        var body = Bodies.Private();
        Set(body, "personal_info.name", "42");

        var messages = await (await _client.PostJson(Customers, body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("personal_info.name: "));
    }

    [Fact]
    public async Task An_empty_body_is_400()
    {
        var response = await _client.PostAsync(Customers, HttpAssertions.Json(""));

        await response.AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");
    }

    [Fact]
    public async Task Unknown_properties_are_ignored()
    {
        var body = Bodies.Private();
        body["favourite_colour"] = "blue";

        await (await _client.PostJson(Customers, body)).AssertStatus(HttpStatusCode.Created);
    }

    private static void Set(JsonObject body, string path, string json)
    {
        var parts = path.Split('.');
        var node = body;
        foreach (var part in parts[..^1])
        {
            node = node[part]!.AsObject();
        }

        node[parts[^1]] = JsonNode.Parse(json);
    }
}

internal static class StringQuoting
{
    public static string Quoted(this string value) => $"\"{value}\"";
}
