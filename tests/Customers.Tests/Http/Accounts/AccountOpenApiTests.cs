using System.Net;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Accounts;

[Collection(ApiCollection.Name)]
public class AccountOpenApiTests(ApiHostFixture api)
{
    [Theory]
    [InlineData("/v4/orgs/{org_id}/customers/{customer_id}/accounts")]
    [InlineData("/v4/orgs/{org_id}/accounts/{account_id}/payment-method")]
    [InlineData("/v4/orgs/{org_id}/accounts/{account_id}/billing-address")]
    [InlineData("/v4/orgs/{org_id}/external-accounts/{external_id}/contracts/active/requests")]
    [InlineData("/v4/orgs/{org_id}/tokenization-requests/{reference_id}/result")]
    [InlineData("/v4/orgs/{org_id}/customers/{customer_id}/available-credit-cards")]
    [InlineData("/v4/orgs/{org_id}/accounts/{account_id}/promotions")]
    [InlineData("/v4/orgs/{org_id}/accounts/{account_id}/promotions/{promotion_account_id}")]
    [InlineData("/v4/orgs/{org_id}/accounts/{account_id}/promotions_hist")]
    public async Task The_OpenAPI_document_describes_the_account_endpoints(string path)
    {
        var document = await (await api.Client(key: null).GetAsync("/swagger/v1/swagger.json")).AssertStatus(HttpStatusCode.OK);

        Assert.NotNull(document["paths"]![path]);
        Assert.Contains("\"contract_reference\"", document.ToJsonString());
    }

    [Fact]
    public async Task A_known_account_route_with_a_wrong_method_is_405() =>
        await (await api.Client().PutAsync($"/v4/orgs/telco/accounts/{Guid.NewGuid()}", HttpAssertions.Json("{}"))).AssertError(HttpStatusCode.MethodNotAllowed, "MCUS.999.993");
}
