using System.Net;
using Customers.Tests.Infrastructure;
using static Customers.Tests.Http.Accounts.AccountBodies;

namespace Customers.Tests.Http.Accounts;

/// <summary>A service configured with its own payment-method lists and keys holding one resource's permissions.</summary>
public class AccountConfigurationTests(AccountConfigurationTests.ConfiguredHost configured) : IClassFixture<AccountConfigurationTests.ConfiguredHost>
{
    private const string AccountsOnly = "accounts-only-key-0123456789";
    private const string AccountsReader = "accounts-reader-key-0123456789";
    private readonly HttpClient _admin = configured.Host.ClientWithKey();

    [Fact]
    public async Task Available_payment_methods_follow_the_configured_list()
    {
        var (customer, account, _) = await _admin.CreateCustomerWithAccount();

        var available = await (await _admin.GetAsync($"{Org}/customers/{customer}/accounts/{account}/available-payment-methods")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(["BANK_TRANSFER", "DIRECT_DEBIT"], available["payment_methods"]!.AsArray().Select(m => (string)m!));
    }

    [Fact]
    public async Task An_org_with_its_own_list_gets_that_list()
    {
        var customer = (string)(await (await _admin.PostJson("/v4/orgs/other-telco/customers", Bodies.Private())).AssertStatus(HttpStatusCode.Created))["id"]!;
        var account = (string)(await (await _admin.PostJson($"/v4/orgs/other-telco/customers/{customer}/accounts", Account(CardToken()))).AssertStatus(HttpStatusCode.OK))["id"]!;

        var available = await (await _admin.GetAsync($"/v4/orgs/other-telco/customers/{customer}/accounts/{account}/available-payment-methods")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(["CREDIT_CARD"], available["payment_methods"]!.AsArray().Select(m => (string)m!));
    }

    [Fact]
    public async Task Creating_an_account_with_a_method_outside_the_list_is_400()
    {
        var customer = await _admin.CreateCustomer();

        var messages = await (await _admin.PostJson($"{Org}/customers/{customer}/accounts", Account(CardToken()))).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("payment_method.type: "));
    }

    [Fact]
    public async Task Changing_to_a_method_outside_the_list_is_400()
    {
        var (_, account, _) = await _admin.CreateCustomerWithAccount();

        var messages = await (await _admin.PatchJson($"{Org}/accounts/{account}/payment-method", CardReference())).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("type: "));
    }

    [Fact]
    public async Task A_key_with_only_the_accounts_permissions_reaches_accounts_and_nothing_else()
    {
        var (customer, account, externalId) = await _admin.CreateCustomerWithAccount();
        var client = configured.Host.ClientWithKey(AccountsOnly);

        await (await client.GetAsync($"{Org}/accounts/{account}")).AssertStatus(HttpStatusCode.OK);
        await (await client.PatchJson($"{Org}/accounts/{account}/payment-method", DirectDebit())).AssertStatus(HttpStatusCode.NoContent);
        await (await client.GetAsync($"{Org}/external-accounts/{externalId}")).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await client.GetAsync($"{Org}/external-accounts/{externalId}/contracts")).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await client.GetAsync($"{Org}/accounts/{account}/tokenization-requests")).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await client.GetAsync($"{Org}/customers/{customer}/available-credit-cards")).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await client.PostResult(Guid.NewGuid(), Completed())).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
    }

    [Fact]
    public async Task A_key_that_may_only_read_accounts_cannot_write_them()
    {
        var (customer, account, _) = await _admin.CreateCustomerWithAccount();
        var client = configured.Host.ClientWithKey(AccountsReader);

        await (await client.GetAsync($"{Org}/accounts/{account}/payment-methods/historical")).AssertStatus(HttpStatusCode.OK);
        await (await client.PostJson($"{Org}/customers/{customer}/accounts", Account())).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await client.PatchJson($"{Org}/accounts/{account}/billing-address", BillingAddress())).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await client.DeleteAsync($"{Org}/customers/{customer}/accounts/{account}")).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
    }

    [Fact]
    public void A_payment_method_list_naming_an_unknown_type_stops_the_service_at_start()
    {
        using var host = new ServiceHost(settings: [new("PaymentMethods:Available:0", "CASH")]);

        Assert.ThrowsAny<Exception>(() => host.Server);
    }

    public sealed class ConfiguredHost : IAsyncLifetime
    {
        public ServiceHost Host { get; } = new(settings:
        [
            new("PaymentMethods:Available:0", "BANK_TRANSFER"),
            new("PaymentMethods:Available:1", "DIRECT_DEBIT"),
            new("PaymentMethods:Orgs:other-telco:0", "CREDIT_CARD"),
            new("Auth:ApiKeys:10:Name", "accounts-only"),
            new("Auth:ApiKeys:10:Key", AccountsOnly),
            new("Auth:ApiKeys:10:Orgs:0", "*"),
            new("Auth:ApiKeys:10:Permissions:0", "accounts:read"),
            new("Auth:ApiKeys:10:Permissions:1", "accounts:write"),
            new("Auth:ApiKeys:11:Name", "accounts-reader"),
            new("Auth:ApiKeys:11:Key", AccountsReader),
            new("Auth:ApiKeys:11:Orgs:0", "telco"),
            new("Auth:ApiKeys:11:Permissions:0", "accounts:read"),
        ]);

        public Task InitializeAsync()
        {
            _ = Host.Server;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
