using System.Net;
using Customers.Tests.Infrastructure;
using static Customers.Tests.Http.Accounts.AccountBodies;

namespace Customers.Tests.Http.Accounts;

[Collection(ApiCollection.Name)]
public class AccountLifecycleTests(ApiHostFixture api)
{
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task A_customer_without_accounts_lists_none()
    {
        var customer = await _client.CreateCustomer();

        var body = await (await _client.GetAsync($"{Org}/customers/{customer}/accounts")).AssertStatus(HttpStatusCode.OK);

        Assert.Empty(body["accounts"]!.AsArray());
    }

    [Fact]
    public async Task A_customers_accounts_are_listed_oldest_first()
    {
        var customer = await _client.CreateCustomer();
        var first = (string)(await _client.CreateAccount(customer))["id"]!;
        var second = (string)(await _client.CreateAccount(customer, Account(DirectDebit())))["id"]!;

        var body = await (await _client.GetAsync($"{Org}/customers/{customer}/accounts")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal([first, second], body["accounts"]!.AsArray().Select(a => (string)a!["id"]!));
    }

    [Fact]
    public async Task The_accounts_of_an_unknown_customer_are_404() =>
        await (await _client.GetAsync($"{Org}/customers/{Guid.NewGuid()}/accounts")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Fact]
    public async Task Deleting_an_account_ends_it_and_it_is_404_everywhere_afterwards()
    {
        var (customer, account, externalId) = await _client.CreateCustomerWithAccount();

        await (await _client.DeleteAsync($"{Org}/customers/{customer}/accounts/{account}")).AssertStatus(HttpStatusCode.NoContent);

        Assert.Matches("\"ended_at\":\"[^\"]+\"", await StoredAccounts.Read(api.Host.ServiceId, account));
        var list = await (await _client.GetAsync($"{Org}/customers/{customer}/accounts")).AssertStatus(HttpStatusCode.OK);
        Assert.Empty(list["accounts"]!.AsArray());
        foreach (var path in new[] { "", "/payment-methods/historical", "/billing-address", "/invoice-recipient", "/tokenization-requests" })
        {
            await (await _client.GetAsync($"{Org}/accounts/{account}{path}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        }

        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", BankTransfer())).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _client.GetAsync($"{Org}/external-accounts/{externalId}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _client.GetAsync($"{Org}/external-accounts/{externalId}/contracts")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _client.DeleteAsync($"{Org}/customers/{customer}/accounts/{account}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task Deleting_another_customers_account_is_404_and_leaves_it_alone()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();
        var other = await _client.CreateCustomer();

        await (await _client.DeleteAsync($"{Org}/customers/{other}/accounts/{account}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

        await (await _client.GetAsync($"{Org}/accounts/{account}")).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Deleting_an_account_with_a_non_UUID_id_is_400()
    {
        var customer = await _client.CreateCustomer();

        var messages = await (await _client.DeleteAsync($"{Org}/customers/{customer}/accounts/xyz")).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("account_id: "));
    }

    [Fact]
    public async Task Deleting_an_account_while_a_tokenization_is_pending_is_409()
    {
        var customer = await _client.CreateCustomer();
        var account = (string)(await _client.CreateAccount(customer, Account(CardReference()), HttpStatusCode.Accepted))["id"]!;

        await (await _client.DeleteAsync($"{Org}/customers/{customer}/accounts/{account}")).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");

        await (await _client.GetAsync($"{Org}/accounts/{account}")).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_customer_with_live_accounts_cannot_be_deleted_until_they_are()
    {
        var (customer, account, _) = await _client.CreateCustomerWithAccount();

        await (await _client.DeleteAsync($"{Org}/customers/{customer}")).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");

        await (await _client.DeleteAsync($"{Org}/customers/{customer}/accounts/{account}")).AssertStatus(HttpStatusCode.NoContent);
        await (await _client.DeleteAsync($"{Org}/customers/{customer}")).AssertStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task An_account_is_found_by_its_external_id()
    {
        var (_, account, externalId) = await _client.CreateCustomerWithAccount();

        var found = await (await _client.GetAsync($"{Org}/external-accounts/{externalId}")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(account, (string?)found["id"]);
    }

    [Theory]
    [InlineData("999999999999999")]
    [InlineData("abc")]
    public async Task An_unknown_or_malformed_external_id_is_404(string externalId) =>
        await (await _client.GetAsync($"{Org}/external-accounts/{externalId}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Fact]
    public async Task An_accounts_external_id_is_not_found_from_another_org()
    {
        var (_, _, externalId) = await _client.CreateCustomerWithAccount();

        await (await _client.GetAsync($"/v4/orgs/other-telco/external-accounts/{externalId}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task An_account_is_404_from_another_org()
    {
        var (_, account, _) = await _client.CreateCustomerWithAccount();

        await (await _client.GetAsync($"/v4/orgs/other-telco/accounts/{account}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task Getting_an_unknown_account_is_404() =>
        await (await _client.GetAsync($"{Org}/accounts/{Guid.NewGuid()}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Fact]
    public async Task Getting_an_account_with_a_non_UUID_id_is_400()
    {
        var messages = await (await _client.GetAsync($"{Org}/accounts/not-a-uuid")).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("account_id: "));
    }
}
