using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;
using static Customers.Tests.Http.Accounts.AccountBodies;

namespace Customers.Tests.Http.Accounts;

[Collection(ApiCollection.Name)]
public class CreateAccountTests(ApiHostFixture api)
{
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task Creating_an_account_with_a_bank_transfer_is_200_with_id_and_external_id()
    {
        var customer = await _client.CreateCustomer();

        var created = await _client.CreateAccount(customer);

        Assert.True(Guid.TryParse((string?)created["id"], out _));
        Assert.Matches(@"^\d+$", (string?)created["external_id"]);
    }

    [Fact]
    public async Task A_created_account_reads_back_with_every_field_of_the_contract()
    {
        var customer = await _client.CreateCustomer();
        var customerView = await (await _client.GetAsync($"{Org}/customers/{customer}")).AssertStatus(HttpStatusCode.OK);
        var created = await _client.CreateAccount(customer, Account(modality: "POSTPAID"));

        var account = await (await _client.GetAsync($"{Org}/accounts/{created["id"]}")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal((string?)created["id"], (string?)account["id"]);
        Assert.Equal((string?)created["external_id"], (string?)account["external_id"]);
        Assert.Equal(customer, (string?)account["customer_id"]);
        Assert.Equal((string?)customerView["external_id"], (string?)account["customer_external_id"]);
        Assert.Matches(@"^MMC\d{13}$", (string?)account["contract_reference"]);
        Assert.Equal("POSTPAID", (string?)account["modality"]);
        Assert.True(JsonNode.DeepEquals(BillingAddress(), account["billing_address"]));
        Assert.True(JsonNode.DeepEquals(BankTransfer(), account["payment_method"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"cycle": {"name": "DIA 1 - MENSUAL", "day": 1, "type": "M", "frequency": 1}, "due_date_id": 5, "due_days_id": 1, "delivery_mode": "EMAIL"}
            """), account["invoice"]));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", (string?)account["created_at"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", (string?)account["updated_at"]);
        Assert.True(account.AsObject().TryGetPropertyValue("ended_at", out var endedAt), "ended_at is listed by GetAccount, null while live");
        Assert.Null(endedAt);
    }

    [Fact]
    public async Task A_direct_debit_keeps_its_IBAN_without_spaces_and_upper_cased()
    {
        var iban = ValidIban();
        var spaced = string.Join(' ', iban.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var (_, account, _) = await _client.CreateCustomerWithAccount(Account(DirectDebit(spaced)));

        var read = await (await _client.GetAsync($"{Org}/accounts/{account}")).AssertStatus(HttpStatusCode.OK);

        Assert.True(JsonNode.DeepEquals(DirectDebit(iban), read["payment_method"]));
    }

    [Fact]
    public async Task A_credit_card_with_a_token_id_is_200_and_becomes_the_payment_method()
    {
        var token = Guid.NewGuid().ToString();
        var (_, account, _) = await _client.CreateCustomerWithAccount(Account(CardToken(token)));

        var read = await (await _client.GetAsync($"{Org}/accounts/{account}")).AssertStatus(HttpStatusCode.OK);

        Assert.True(JsonNode.DeepEquals(CardToken(token), read["payment_method"]));
    }

    [Fact]
    public async Task A_credit_card_with_a_reference_id_is_202_and_the_account_has_no_payment_method_yet()
    {
        var customer = await _client.CreateCustomer();
        var reference = Guid.NewGuid();

        var created = await _client.CreateAccount(customer, Account(CardReference(reference)), HttpStatusCode.Accepted);

        Assert.Matches(@"^\d+$", (string?)created["external_id"]);
        var read = await (await _client.GetAsync($"{Org}/accounts/{created["id"]}")).AssertStatus(HttpStatusCode.OK);
        Assert.Null(read["payment_method"]);
        var requests = await (await _client.GetAsync($"{Org}/accounts/{created["id"]}/tokenization-requests")).AssertStatus(HttpStatusCode.OK);
        var request = Assert.Single(requests["items"]!.AsArray())!;
        Assert.Equal(reference.ToString(), (string?)request["reference_id"]);
        Assert.Equal((string?)created["id"], (string?)request["account_id"]);
        Assert.Equal("PENDING", (string?)request["status"]);
        Assert.NotNull(request["created_at"]);
        Assert.NotNull(request["updated_at"]);
    }

    [Fact]
    public async Task Without_a_billing_address_the_customers_postal_address_is_used()
    {
        var customer = await _client.CreateCustomer();
        var body = Account();
        body.Remove("billing_address");

        var created = await _client.CreateAccount(customer, body);

        var read = await (await _client.GetAsync($"{Org}/accounts/{created["id"]}")).AssertStatus(HttpStatusCode.OK);
        var customerAddress = (await (await _client.GetAsync($"{Org}/customers/{customer}")).AssertStatus(HttpStatusCode.OK))["contact_info"]!["postal_address"];
        Assert.True(JsonNode.DeepEquals(customerAddress, read["billing_address"]));
    }

    [Fact]
    public async Task Without_a_billing_address_a_customer_without_postal_address_is_400()
    {
        var customer = await _client.CreateCustomer(Bodies.Digital());
        var body = Account();
        body.Remove("billing_address");

        var messages = await (await _client.PostJson($"{Org}/customers/{customer}/accounts", body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("billing_address: "));
    }

    [Fact]
    public async Task Creating_an_account_for_an_unknown_customer_is_404() =>
        await (await _client.PostJson($"{Org}/customers/{Guid.NewGuid()}/accounts", Account())).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Fact]
    public async Task Creating_an_account_for_a_customer_of_another_org_is_404()
    {
        var customer = await _client.CreateCustomer();

        await (await _client.PostJson($"/v4/orgs/other-telco/customers/{customer}/accounts", Account())).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task Creating_an_account_with_a_non_UUID_customer_id_is_400()
    {
        var messages = await (await _client.PostJson($"{Org}/customers/nope/accounts", Account())).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("customer_id: "));
    }

    [Theory]
    [InlineData("PREPAID")]
    [InlineData("MONTHLY")]
    [InlineData(null)]
    public async Task A_modality_other_than_recurring_prepaid_or_postpaid_is_400(string? modality)
    {
        var customer = await _client.CreateCustomer();
        var body = Account();
        body["modality"] = modality;

        var messages = await (await _client.PostJson($"{Org}/customers/{customer}/accounts", body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("modality: "));
    }

    [Fact]
    public async Task A_missing_payment_method_is_400()
    {
        var customer = await _client.CreateCustomer();
        var body = Account();
        body.Remove("payment_method");

        var messages = await (await _client.PostJson($"{Org}/customers/{customer}/accounts", body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("payment_method: "));
    }

    public static TheoryData<string, string> InvalidPaymentMethods => new()
    {
        { """{"type": "DIRECT_DEBIT", "details": {"iban": "ES7921000813610123456788"}}""", "payment_method.details.iban: " },
        { """{"type": "DIRECT_DEBIT", "details": {"iban": "not an iban"}}""", "payment_method.details.iban: " },
        { """{"type": "DIRECT_DEBIT", "details": {}}""", "payment_method.details.iban: " },
        { """{"type": "CREDIT_CARD", "details": {}}""", "payment_method.details: " },
        { """{"type": "CREDIT_CARD", "details": {"token_id": "abc", "reference_id": "550e8400-e29b-41d4-a716-446655440000"}}""", "payment_method.details: " },
        { """{"type": "CREDIT_CARD", "details": {"reference_id": "not-a-uuid"}}""", "payment_method.details.reference_id: " },
        { """{"type": "CREDIT_CARD", "details": {"reference_id": "550e8400-e29b-41d4-a716-446655440000\n"}}""", "payment_method.details.reference_id: " },
        { """{"type": "TECI", "details": {"token_teci": "e58ed763-928c-4155-bee9-fdbaaadc15f3"}}""", "payment_method.type: " },
        { """{"type": "CASH", "details": {}}""", "payment_method.type: " },
        { """{"details": {}}""", "payment_method.type: " },
    };

    [Theory]
    [MemberData(nameof(InvalidPaymentMethods))]
    public async Task An_invalid_payment_method_is_400_naming_the_field(string paymentMethod, string field)
    {
        var customer = await _client.CreateCustomer();
        var body = Account(JsonNode.Parse(paymentMethod)!.AsObject());

        var messages = await (await _client.PostJson($"{Org}/customers/{customer}/accounts", body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith(field));
        var accounts = await (await _client.GetAsync($"{Org}/customers/{customer}/accounts")).AssertStatus(HttpStatusCode.OK);
        Assert.Empty(accounts["accounts"]!.AsArray());
    }

    [Fact]
    public async Task The_page_example_IBAN_passes_the_mod_97_check()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount(Account(DirectDebit("ES7921000813610123456789")));

        var read = await (await _client.GetAsync($"{Org}/accounts/{account}")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal("ES7921000813610123456789", (string?)read["payment_method"]!["details"]!["iban"]);
    }

    public static TheoryData<string, JsonNode?, string> InvalidBillingAddresses => new()
    {
        { "postal_code", "01234junk", "billing_address.postal_code: " },
        { "postal_code", "00123", "billing_address.postal_code: " },
        { "postal_code", null, "billing_address.postal_code: " },
        { "state_id", "2", "billing_address.state_id: " },
        { "state_id", "08", "billing_address.state_id: " },
        { "address_lines", new JsonArray("Calle undefined 3"), "billing_address.address_lines[0]: " },
        { "address_lines", new JsonArray(), "billing_address.address_lines: " },
        { "address_lines", new JsonArray("a", "b", "c", "d"), "billing_address.address_lines: " },
        { "address_lines", new JsonArray(new string('x', 101)), "billing_address.address_lines[0]: " },
        { "locality", "M", "billing_address.locality: " },
        { "administrative_area", "Mad", "billing_address.administrative_area: " },
        { "region_code", "es", "billing_address.region_code: " },
    };

    [Theory]
    [MemberData(nameof(InvalidBillingAddresses))]
    public async Task An_invalid_billing_address_is_400_naming_the_field(string property, JsonNode? value, string field)
    {
        var customer = await _client.CreateCustomer();
        var body = Account();
        body["billing_address"]![property] = value?.DeepClone();

        var messages = await (await _client.PostJson($"{Org}/customers/{customer}/accounts", body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith(field));
    }

    [Fact]
    public async Task A_billing_address_without_state_id_is_accepted()
    {
        var customer = await _client.CreateCustomer();
        var body = Account();
        body["billing_address"]!.AsObject().Remove("state_id");

        await _client.CreateAccount(customer, body);
    }

    [Fact]
    public async Task A_reference_id_used_before_in_the_org_is_409()
    {
        var reference = Guid.NewGuid();
        var customer = await _client.CreateCustomer();
        await _client.CreateAccount(customer, Account(CardReference(reference)), HttpStatusCode.Accepted);

        await (await _client.PostJson($"{Org}/customers/{customer}/accounts", Account(CardReference(reference)))).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");

        var accounts = await (await _client.GetAsync($"{Org}/customers/{customer}/accounts")).AssertStatus(HttpStatusCode.OK);
        Assert.Single(accounts["accounts"]!.AsArray());
    }

    [Fact]
    public async Task External_ids_of_accounts_increase()
    {
        var customer = await _client.CreateCustomer();

        var first = await _client.CreateAccount(customer);
        var second = await _client.CreateAccount(customer);

        Assert.True(long.Parse((string)second["external_id"]!) > long.Parse((string)first["external_id"]!));
    }

    [Fact]
    public async Task Malformed_JSON_is_400() =>
        await (await _client.PostAsync($"{Org}/customers/{Guid.NewGuid()}/accounts", HttpAssertions.Json("{\"modality\": "))).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

    [Fact]
    public async Task A_payment_method_of_the_wrong_json_type_is_400_naming_it()
    {
        var customer = await _client.CreateCustomer();
        var body = Account();
        body["payment_method"]!["details"] = "iban";

        var messages = await (await _client.PostJson($"{Org}/customers/{customer}/accounts", body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("payment_method.details"));
    }
}
