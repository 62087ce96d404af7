using System.Net;
using System.Text.Json.Nodes;
using Customers.Grains;
using Customers.Tests.Infrastructure;
using static Customers.Tests.Http.Accounts.AccountBodies;

namespace Customers.Tests.Http.Accounts;

[Collection(ApiCollection.Name)]
public class TokenizationTests(ApiHostFixture api)
{
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task A_completed_result_makes_the_card_the_payment_method_with_a_history_row_and_an_available_card()
    {
        var iban = ValidIban();
        var (customer, account, _) = await _client.CreateCustomerWithAccount(Account(DirectDebit(iban)));
        var reference = Guid.NewGuid();
        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardReference(reference))).AssertStatus(HttpStatusCode.Accepted);
        var token = Guid.NewGuid().ToString();

        await (await _client.PostResult(reference, Completed(token, "5100", "05/2099"))).AssertStatus(HttpStatusCode.NoContent);

        var read = await (await _client.GetAsync($"{Org}/accounts/{account}")).AssertStatus(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(CardToken(token), read["payment_method"]));
        var history = (await (await _client.GetAsync($"{Org}/accounts/{account}/payment-methods/historical")).AssertStatus(HttpStatusCode.OK))["payment_methods"]!.AsArray();
        Assert.Equal(["CREDIT_CARD", "DIRECT_DEBIT"], history.Select(h => (string)h!["payment_method_type"]!));
        Assert.Equal(token, (string?)history[0]!["details"]);
        var request = Assert.Single((await (await _client.GetAsync($"{Org}/accounts/{account}/tokenization-requests")).AssertStatus(HttpStatusCode.OK))["items"]!.AsArray())!;
        Assert.Equal("COMPLETED", (string?)request["status"]);
        Assert.Equal(token, (string?)request["token_id"]);
        Assert.Null(request["error_message"]);
        var cards = (await (await _client.GetAsync($"{Org}/customers/{customer}/available-credit-cards")).AssertStatus(HttpStatusCode.OK))["available_credit_cards"]!.AsArray();
        var card = Assert.Single(cards)!;
        Assert.Equal(token, (string?)card["id"]);
        Assert.Equal("5100", (string?)card["summary"]);
        Assert.Equal("05/2099", (string?)card["expiration_date"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", (string?)card["created_at"]);
    }

    [Fact]
    public async Task A_completed_first_card_gives_a_202_account_its_payment_method()
    {
        var customer = await _client.CreateCustomer();
        var reference = Guid.NewGuid();
        var account = (string)(await _client.CreateAccount(customer, Account(CardReference(reference)), HttpStatusCode.Accepted))["id"]!;
        var token = Guid.NewGuid().ToString();

        await (await _client.PostResult(reference, Completed(token))).AssertStatus(HttpStatusCode.NoContent);

        var read = await (await _client.GetAsync($"{Org}/accounts/{account}")).AssertStatus(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(CardToken(token), read["payment_method"]));
    }

    [Fact]
    public async Task A_failed_result_leaves_the_previous_method_in_place()
    {
        var iban = ValidIban();
        var (customer, account, _) = await _client.CreateCustomerWithAccount(Account(DirectDebit(iban)));
        var reference = Guid.NewGuid();
        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardReference(reference))).AssertStatus(HttpStatusCode.Accepted);

        await (await _client.PostResult(reference, Failed("card declined"))).AssertStatus(HttpStatusCode.NoContent);

        var read = await (await _client.GetAsync($"{Org}/accounts/{account}")).AssertStatus(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(DirectDebit(iban), read["payment_method"]));
        var request = Assert.Single((await (await _client.GetAsync($"{Org}/accounts/{account}/tokenization-requests")).AssertStatus(HttpStatusCode.OK))["items"]!.AsArray())!;
        Assert.Equal("FAILED", (string?)request["status"]);
        Assert.Equal("card declined", (string?)request["error_message"]);
        Assert.Null(request["token_id"]);
        var cards = (await (await _client.GetAsync($"{Org}/customers/{customer}/available-credit-cards")).AssertStatus(HttpStatusCode.OK))["available_credit_cards"]!.AsArray();
        Assert.Empty(cards);
    }

    [Fact]
    public async Task An_error_message_takes_255_characters_and_no_more()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();
        var reference = Guid.NewGuid();
        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardReference(reference))).AssertStatus(HttpStatusCode.Accepted);

        var messages = await (await _client.PostResult(reference, Failed(new string('e', 256)))).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");
        await (await _client.PostResult(reference, Failed(new string('e', 255)))).AssertStatus(HttpStatusCode.NoContent);

        Assert.Contains(messages, m => m.StartsWith("error_message: "));
        var request = Assert.Single((await (await _client.GetAsync($"{Org}/accounts/{account}/tokenization-requests")).AssertStatus(HttpStatusCode.OK))["items"]!.AsArray())!;
        Assert.Equal(255, ((string?)request["error_message"])!.Length);
    }

    [Fact]
    public async Task After_a_result_the_payment_method_can_change_again()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();
        var reference = Guid.NewGuid();
        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardReference(reference))).AssertStatus(HttpStatusCode.Accepted);
        await (await _client.PostResult(reference, Failed())).AssertStatus(HttpStatusCode.NoContent);

        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", DirectDebit())).AssertStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task The_same_result_twice_is_204_and_a_different_second_result_is_409()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();
        var reference = Guid.NewGuid();
        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardReference(reference))).AssertStatus(HttpStatusCode.Accepted);
        var result = Completed();
        await (await _client.PostResult(reference, result)).AssertStatus(HttpStatusCode.NoContent);

        await (await _client.PostResult(reference, result)).AssertStatus(HttpStatusCode.NoContent);
        await (await _client.PostResult(reference, Failed())).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
        await (await _client.PostResult(reference, Completed())).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");

        var history = (await (await _client.GetAsync($"{Org}/accounts/{account}/payment-methods/historical")).AssertStatus(HttpStatusCode.OK))["payment_methods"]!.AsArray();
        Assert.Equal(2, history.Count);
    }

    [Fact]
    public async Task A_result_for_an_unknown_reference_is_404() =>
        await (await _client.PostResult(Guid.NewGuid(), Completed())).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Fact]
    public async Task A_result_for_a_reference_of_another_org_is_404()
    {
        var reference = Guid.NewGuid();
        await _client.CreateAccount(await _client.CreateCustomer(), Account(CardReference(reference)), HttpStatusCode.Accepted);

        await (await _client.PostJson($"/v4/orgs/other-telco/tokenization-requests/{reference}/result", Completed())).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task A_result_with_a_non_UUID_reference_is_400()
    {
        var messages = await (await _client.PostJson($"{Org}/tokenization-requests/ref-1/result", Completed())).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("reference_id: "));
    }

    public static TheoryData<string, string> InvalidResults => new()
    {
        { """{"status": "DONE"}""", "status: " },
        { """{"token_id": "abc"}""", "status: " },
        { """{"status": "COMPLETED", "card": {"summary": "5100", "expiration_date": "05/2029"}}""", "token_id: " },
        { """{"status": "COMPLETED", "token_id": "abc"}""", "card: " },
        { """{"status": "COMPLETED", "token_id": "abc", "card": {"summary": "510", "expiration_date": "05/2029"}}""", "card.summary: " },
        { """{"status": "COMPLETED", "token_id": "abc", "card": {"summary": "5100", "expiration_date": "13/2029"}}""", "card.expiration_date: " },
        { """{"status": "COMPLETED", "token_id": "abc", "card": {"summary": "5100", "expiration_date": "5/2029"}}""", "card.expiration_date: " },
        { """{"status": "FAILED"}""", "error_message: " },
    };

    [Theory]
    [MemberData(nameof(InvalidResults))]
    public async Task An_invalid_result_is_400_naming_the_field_and_leaves_the_request_pending(string result, string field)
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();
        var reference = Guid.NewGuid();
        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardReference(reference))).AssertStatus(HttpStatusCode.Accepted);

        var messages = await (await _client.PostResult(reference, JsonNode.Parse(result)!.AsObject())).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith(field));
        var request = Assert.Single((await (await _client.GetAsync($"{Org}/accounts/{account}/tokenization-requests")).AssertStatus(HttpStatusCode.OK))["items"]!.AsArray())!;
        Assert.Equal("PENDING", (string?)request["status"]);
    }

    [Fact]
    public async Task Past_200_requests_an_account_still_takes_cards_and_still_refuses_its_oldest_reference()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();
        var first = Guid.NewGuid();
        for (var i = 0; i <= Histories.MaxEntries; i++)
        {
            var used = i == 0 ? first : Guid.NewGuid();
            await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardReference(used))).AssertStatus(HttpStatusCode.Accepted);
            await (await _client.PostResult(used, Failed())).AssertStatus(HttpStatusCode.NoContent);
        }

        var next = Guid.NewGuid();
        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardReference(next))).AssertStatus(HttpStatusCode.Accepted);
        await (await _client.PostResult(next, Completed())).AssertStatus(HttpStatusCode.NoContent);

        var (_, other, _) = await _client.CreateCustomerWithAccount();
        await (await _client.PatchJson($"{Org}/accounts/{other}/payment-method", CardReference(next))).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardReference(first))).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task Tokenization_requests_are_listed_newest_first()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardReference(first))).AssertStatus(HttpStatusCode.Accepted);
        await (await _client.PostResult(first, Failed())).AssertStatus(HttpStatusCode.NoContent);
        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", CardReference(second))).AssertStatus(HttpStatusCode.Accepted);

        var items = (await (await _client.GetAsync($"{Org}/accounts/{account}/tokenization-requests")).AssertStatus(HttpStatusCode.OK))["items"]!.AsArray();

        Assert.Equal([second.ToString(), first.ToString()], items.Select(i => (string)i!["reference_id"]!));
        Assert.Equal(["PENDING", "FAILED"], items.Select(i => (string)i!["status"]!));
    }

    [Fact]
    public async Task Tokenization_requests_of_an_unknown_account_are_404() =>
        await (await _client.GetAsync($"{Org}/accounts/{Guid.NewGuid()}/tokenization-requests")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Fact]
    public async Task Available_credit_cards_span_the_customers_accounts_newest_first_without_expired_ones()
    {
        var customer = await _client.CreateCustomer();
        var tokens = new List<string>();
        foreach (var expiration in new[] { "01/2099", "01/2020", "12/2098" })
        {
            var reference = Guid.NewGuid();
            await _client.CreateAccount(customer, Account(CardReference(reference)), HttpStatusCode.Accepted);
            var token = Guid.NewGuid().ToString();
            tokens.Add(token);
            await (await _client.PostResult(reference, Completed(token, "4242", expiration))).AssertStatus(HttpStatusCode.NoContent);
            await Task.Delay(1100);
        }

        var cards = (await (await _client.GetAsync($"{Org}/customers/{customer}/available-credit-cards")).AssertStatus(HttpStatusCode.OK))["available_credit_cards"]!.AsArray();

        Assert.Equal([tokens[2], tokens[0]], cards.Select(c => (string)c!["id"]!));
    }

    [Fact]
    public async Task A_card_valid_through_the_current_month_is_still_available()
    {
        var customer = await _client.CreateCustomer();
        var reference = Guid.NewGuid();
        await _client.CreateAccount(customer, Account(CardReference(reference)), HttpStatusCode.Accepted);
        var thisMonth = DateTime.UtcNow.ToString("MM/yyyy");

        await (await _client.PostResult(reference, Completed(expiration: thisMonth))).AssertStatus(HttpStatusCode.NoContent);

        var cards = (await (await _client.GetAsync($"{Org}/customers/{customer}/available-credit-cards")).AssertStatus(HttpStatusCode.OK))["available_credit_cards"]!.AsArray();
        Assert.Single(cards);
    }

    [Fact]
    public async Task A_card_expiring_in_year_0000_is_taken_and_left_out_of_the_available_cards()
    {
        var customer = await _client.CreateCustomer();
        var reference = Guid.NewGuid();
        await _client.CreateAccount(customer, Account(CardReference(reference)), HttpStatusCode.Accepted);

        await (await _client.PostResult(reference, Completed(expiration: "12/0000"))).AssertStatus(HttpStatusCode.NoContent);

        var cards = (await (await _client.GetAsync($"{Org}/customers/{customer}/available-credit-cards")).AssertStatus(HttpStatusCode.OK))["available_credit_cards"]!.AsArray();
        Assert.Empty(cards);
    }

    [Fact]
    public async Task Available_credit_cards_of_an_unknown_customer_are_404() =>
        await (await _client.GetAsync($"{Org}/customers/{Guid.NewGuid()}/available-credit-cards")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
}
