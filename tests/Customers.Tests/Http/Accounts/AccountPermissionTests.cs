using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;
using static Customers.Tests.Http.Accounts.AccountBodies;

namespace Customers.Tests.Http.Accounts;

/// <summary>Every account, contract and tokenization endpoint refuses a key without its resource's permission.</summary>
[Collection(ApiCollection.Name)]
public class AccountPermissionTests(ApiHostFixture api)
{
    private static readonly string Id = Guid.NewGuid().ToString();

    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST", $"{Org}/customers/{Id}/accounts" },
        { "GET", $"{Org}/customers/{Id}/accounts" },
        { "DELETE", $"{Org}/customers/{Id}/accounts/{Id}" },
        { "GET", $"{Org}/customers/{Id}/accounts/{Id}/available-payment-methods" },
        { "GET", $"{Org}/accounts/{Id}" },
        { "PATCH", $"{Org}/accounts/{Id}/payment-method" },
        { "GET", $"{Org}/accounts/{Id}/payment-methods/historical" },
        { "GET", $"{Org}/accounts/{Id}/billing-address" },
        { "PATCH", $"{Org}/accounts/{Id}/billing-address" },
        { "GET", $"{Org}/accounts/{Id}/invoice-recipient" },
        { "GET", $"{Org}/external-accounts/123" },
        { "GET", $"{Org}/external-accounts/123/contracts" },
        { "GET", $"{Org}/external-accounts/123/contracts/active" },
        { "POST", $"{Org}/external-accounts/123/contracts/active/requests" },
        { "POST", $"{Org}/tokenization-requests/{Id}/result" },
        { "GET", $"{Org}/accounts/{Id}/tokenization-requests" },
        { "GET", $"{Org}/customers/{Id}/available-credit-cards" },
        { "POST", $"{Org}/accounts/{Id}/promotions" },
        { "GET", $"{Org}/accounts/{Id}/promotions" },
        { "PATCH", $"{Org}/accounts/{Id}/promotions/{Id}" },
        { "GET", $"{Org}/accounts/{Id}/promotions_hist" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_key_with_customers_read_only_is_403(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PATCH")
        {
            request.Content = HttpAssertions.Json("{}");
        }

        var response = await api.Client(TestKeys.CustomersReader).SendAsync(request);

        await response.AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_a_key_it_is_401(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        var response = await api.Client(key: null).SendAsync(request);

        await response.AssertError(HttpStatusCode.Unauthorized, "MCUS.999.996");
    }

    [Fact]
    public async Task A_key_of_another_org_is_403_on_accounts()
    {
        var (_, account, _) = await api.Client().CreateCustomerWithAccount();

        await (await api.Client(TestKeys.OtherOrgAdmin).GetAsync($"{Org}/accounts/{account}")).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await api.Client(TestKeys.OtherOrgAdmin).PatchJson($"{Org}/accounts/{account}/payment-method", JsonNode.Parse("{}")!)).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
    }
}
