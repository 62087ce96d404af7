using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;
using static Customers.Tests.Http.Accounts.AccountBodies;

namespace Customers.Tests.Http.Accounts;

[Collection(ApiCollection.Name)]
public class ContractTests(ApiHostFixture api)
{
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task Creating_an_account_opens_its_first_contract()
    {
        var (_, account, externalId) = await _client.CreateCustomerWithAccount();
        var read = await (await _client.GetAsync($"{Org}/accounts/{account}")).AssertStatus(HttpStatusCode.OK);

        var contracts = (await (await _client.GetAsync($"{Org}/external-accounts/{externalId}/contracts")).AssertStatus(HttpStatusCode.OK))["contracts"]!.AsArray();

        var contract = Assert.Single(contracts)!;
        Assert.True(Guid.TryParse((string?)contract["id"], out _));
        Assert.Equal(externalId, (string?)contract["account_external_id"]);
        Assert.Equal((string?)read["created_at"], (string?)contract["start_date"]);
        Assert.Null(contract["end_date"]);
        Assert.Empty(contract["requests"]!.AsArray());
    }

    [Fact]
    public async Task The_active_contract_is_the_open_one()
    {
        var (_, _, externalId) = await _client.CreateCustomerWithAccount();
        var all = (await (await _client.GetAsync($"{Org}/external-accounts/{externalId}/contracts")).AssertStatus(HttpStatusCode.OK))["contracts"]!.AsArray();

        var active = await (await _client.GetAsync($"{Org}/external-accounts/{externalId}/contracts/active")).AssertStatus(HttpStatusCode.OK);

        Assert.True(JsonNode.DeepEquals(all[0], active));
    }

    [Fact]
    public async Task A_request_is_appended_to_the_active_contract_with_the_caller_as_origin_user()
    {
        var (_, _, externalId) = await _client.CreateCustomerWithAccount();
        var request = JsonNode.Parse("""{"request_external_id": "214748364", "contract_reference_id": "MMC2105077108808", "type": "SALE_MOBILE_ONLY"}""")!;

        var added = await (await _client.PostJson($"{Org}/external-accounts/{externalId}/contracts/active/requests", request)).AssertStatus(HttpStatusCode.Created);

        Assert.Equal("214748364", (string?)added["request_external_id"]);
        Assert.Equal("admin", (string?)added["origin_user"]);
        var active = await (await _client.GetAsync($"{Org}/external-accounts/{externalId}/contracts/active")).AssertStatus(HttpStatusCode.OK);
        var stored = Assert.Single(active["requests"]!.AsArray())!;
        Assert.Equal("214748364", (string?)stored["request_external_id"]);
        Assert.Equal("MMC2105077108808", (string?)stored["contract_reference_id"]);
        Assert.Equal("SALE_MOBILE_ONLY", (string?)stored["type"]);
        Assert.Equal("admin", (string?)stored["origin_user"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", (string?)stored["create_date"]);
    }

    [Fact]
    public async Task A_given_origin_user_is_kept()
    {
        var (_, _, externalId) = await _client.CreateCustomerWithAccount();
        var request = JsonNode.Parse("""{"request_external_id": "1", "contract_reference_id": "MMC2105077108808", "type": "SALE_MOBILE_ONLY", "origin_user": "john.doe"}""")!;

        var added = await (await _client.PostJson($"{Org}/external-accounts/{externalId}/contracts/active/requests", request)).AssertStatus(HttpStatusCode.Created);

        Assert.Equal("john.doe", (string?)added["origin_user"]);
    }

    [Fact]
    public async Task The_same_request_external_id_twice_is_409()
    {
        var (_, _, externalId) = await _client.CreateCustomerWithAccount();
        var request = JsonNode.Parse("""{"request_external_id": "77", "contract_reference_id": "MMC2105077108808", "type": "SALE_MOBILE_ONLY"}""")!;
        await (await _client.PostJson($"{Org}/external-accounts/{externalId}/contracts/active/requests", request)).AssertStatus(HttpStatusCode.Created);

        await (await _client.PostJson($"{Org}/external-accounts/{externalId}/contracts/active/requests", request)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Theory]
    [InlineData("request_external_id")]
    [InlineData("contract_reference_id")]
    [InlineData("type")]
    public async Task A_request_without_a_required_field_is_400_naming_it(string field)
    {
        var (_, _, externalId) = await _client.CreateCustomerWithAccount();
        var request = JsonNode.Parse("""{"request_external_id": "5", "contract_reference_id": "MMC2105077108808", "type": "SALE_MOBILE_ONLY"}""")!.AsObject();
        request.Remove(field);

        var messages = await (await _client.PostJson($"{Org}/external-accounts/{externalId}/contracts/active/requests", request)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith($"{field}: "));
    }

    [Theory]
    [InlineData("request_external_id")]
    [InlineData("contract_reference_id")]
    [InlineData("type")]
    [InlineData("origin_user")]
    public async Task A_free_text_field_takes_255_characters_and_no_more(string field)
    {
        var (_, _, externalId) = await _client.CreateCustomerWithAccount();
        var path = $"{Org}/external-accounts/{externalId}/contracts/active/requests";

        var longest = Request(field, new string('r', 255));
        var added = await (await _client.PostJson(path, longest)).AssertStatus(HttpStatusCode.Created);
        var messages = await (await _client.PostJson(path, Request(field, new string('r', 256)))).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Equal(255, ((string?)added[field])!.Length);
        Assert.Contains(messages, m => m.StartsWith($"{field}: "));
    }

    private static JsonObject Request(string field, string value)
    {
        var request = JsonNode.Parse($$"""{"request_external_id": "{{Guid.NewGuid():N}}", "contract_reference_id": "MMC2105077108808", "type": "SALE_MOBILE_ONLY"}""")!.AsObject();
        request[field] = value;
        return request;
    }

    [Fact]
    public async Task Deleting_the_account_ends_its_contract()
    {
        var (customer, account, externalId) = await _client.CreateCustomerWithAccount();

        await (await _client.DeleteAsync($"{Org}/customers/{customer}/accounts/{account}")).AssertStatus(HttpStatusCode.NoContent);

        await (await _client.GetAsync($"{Org}/external-accounts/{externalId}/contracts/active")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task Contracts_of_an_unknown_external_id_are_404()
    {
        await (await _client.GetAsync($"{Org}/external-accounts/999999999999998/contracts")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _client.GetAsync($"{Org}/external-accounts/999999999999998/contracts/active")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        var request = JsonNode.Parse("""{"request_external_id": "5", "contract_reference_id": "MMC2105077108808", "type": "SALE_MOBILE_ONLY"}""")!;
        await (await _client.PostJson($"{Org}/external-accounts/999999999999998/contracts/active/requests", request)).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }
}
