using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;
using static Customers.Tests.Http.Accounts.AccountBodies;

namespace Customers.Tests.Http.Accounts;

[Collection(ApiCollection.Name)]
public class PaymentMethodTests(ApiHostFixture api)
{
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task Changing_to_a_direct_debit_is_204_and_it_becomes_the_payment_method()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();
        var iban = ValidIban();

        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", DirectDebit(iban))).AssertStatus(HttpStatusCode.NoContent);

        var read = await (await _client.GetAsync($"{Org}/accounts/{account}")).AssertStatus(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(DirectDebit(iban), read["payment_method"]));
    }

    [Fact]
    public async Task Changing_to_a_card_with_a_token_id_is_204()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount(Account(DirectDebit()));
        var token = Guid.NewGuid().ToString();

        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardToken(token))).AssertStatus(HttpStatusCode.NoContent);

        var read = await (await _client.GetAsync($"{Org}/accounts/{account}")).AssertStatus(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(CardToken(token), read["payment_method"]));
    }

    [Fact]
    public async Task Changing_to_a_card_with_a_reference_id_is_202_and_keeps_the_previous_method_meanwhile()
    {
        var iban = ValidIban();
        var (_, account, _) = await _client.CreateCustomerWithAccount(Account(DirectDebit(iban)));

        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardReference())).AssertStatus(HttpStatusCode.Accepted);

        var read = await (await _client.GetAsync($"{Org}/accounts/{account}")).AssertStatus(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(DirectDebit(iban), read["payment_method"]));
    }

    [Fact]
    public async Task Any_change_while_a_tokenization_is_pending_is_409()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();
        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardReference())).AssertStatus(HttpStatusCode.Accepted);

        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", BankTransfer())).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardReference())).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Theory]
    [InlineData("ES7921000813610123456780")]
    [InlineData("ES7921000813610123456789\n")]
    [InlineData("ES092100081361012345678")] // mod-97 holds, shorter than a Spanish IBAN
    [InlineData("XX4212345678901234")] // mod-97 holds, no IBAN country
    public async Task An_invalid_IBAN_is_400_naming_details_iban(string iban)
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();

        var messages = await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", DirectDebit(iban)))
            .AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("details.iban: "));
    }

    [Fact]
    public async Task A_reference_id_used_before_is_409()
    {
        var reference = Guid.NewGuid();
        await _client.CreateAccount(await _client.CreateCustomer(), Account(CardReference(reference)), HttpStatusCode.Accepted);
        var (_, account, _) = await _client.CreateCustomerWithAccount();

        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardReference(reference))).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task A_reference_id_the_same_account_used_before_is_409_and_lists_once()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();
        var reference = Guid.NewGuid();
        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardReference(reference))).AssertStatus(HttpStatusCode.Accepted);
        await (await _client.PostResult(reference, Completed())).AssertStatus(HttpStatusCode.NoContent);

        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardReference(reference))).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");

        var requests = (await (await _client.GetAsync($"{Org}/accounts/{account}/tokenization-requests")).AssertStatus(HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Equal("COMPLETED", (string?)Assert.Single(requests)!["status"]);
    }

    [Fact]
    public async Task A_reference_id_the_account_was_opened_with_is_409_on_its_payment_method()
    {
        var reference = Guid.NewGuid();
        var account = (string)(await _client.CreateAccount(await _client.CreateCustomer(), Account(CardReference(reference)), HttpStatusCode.Accepted))["id"]!;
        await (await _client.PostResult(reference, Failed())).AssertStatus(HttpStatusCode.NoContent);

        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardReference(reference))).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task Changing_the_payment_method_of_an_unknown_account_is_404() =>
        await (await _client.PatchJson($"{Org}/accounts/{Guid.NewGuid()}/payment-method", BankTransfer())).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Fact]
    public async Task Changing_the_payment_method_with_a_non_UUID_account_id_is_400()
    {
        var messages = await (await _client.PatchJson($"{Org}/accounts/123/payment-method", BankTransfer())).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("account_id: "));
    }

    [Fact]
    public async Task The_history_lists_every_method_newest_first_including_the_current_one()
    {
        var firstIban = ValidIban();
        var (_, account, _) = await _client.CreateCustomerWithAccount(Account(DirectDebit(firstIban)));
        var token = Guid.NewGuid().ToString();
        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", BankTransfer())).AssertStatus(HttpStatusCode.NoContent);
        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardToken(token))).AssertStatus(HttpStatusCode.NoContent);

        var history = (await (await _client.GetAsync($"{Org}/accounts/{account}/payment-methods/historical")).AssertStatus(HttpStatusCode.OK))["payment_methods"]!.AsArray();

        Assert.Equal(["CREDIT_CARD", "BANK_TRANSFER", "DIRECT_DEBIT"], history.Select(h => (string)h!["payment_method_type"]!));
        Assert.Equal([token, "", firstIban], history.Select(h => (string)h!["details"]!));
        Assert.All(history, h => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", (string?)h!["created_at"]));
    }

    [Fact]
    public async Task Setting_the_current_method_again_adds_no_history_row()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();

        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", BankTransfer())).AssertStatus(HttpStatusCode.NoContent);

        var history = (await (await _client.GetAsync($"{Org}/accounts/{account}/payment-methods/historical")).AssertStatus(HttpStatusCode.OK))["payment_methods"]!.AsArray();
        Assert.Single(history);
    }

    [Fact]
    public async Task The_history_of_an_unknown_account_is_404() =>
        await (await _client.GetAsync($"{Org}/accounts/{Guid.NewGuid()}/payment-methods/historical")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Fact]
    public async Task Available_payment_methods_are_the_org_default_list_in_order()
    {
        var (customer, account, _) = await _client.CreateCustomerWithAccount();

        var available = await (await _client.GetAsync($"{Org}/customers/{customer}/accounts/{account}/available-payment-methods")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(["BANK_TRANSFER", "DIRECT_DEBIT", "CREDIT_CARD"], available["payment_methods"]!.AsArray().Select(m => (string)m!));
    }

    [Fact]
    public async Task Available_payment_methods_of_another_customers_account_is_404()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();
        var other = await _client.CreateCustomer();

        await (await _client.GetAsync($"{Org}/customers/{other}/accounts/{account}/available-payment-methods")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }
}
