using System.Net;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http;

[Collection(ApiCollection.Name)]
public class AuthTests(ApiHostFixture api)
{
    private const string Customers = "/v4/orgs/telco/customers";

    [Fact]
    public async Task A_request_without_a_key_is_401() =>
        await (await api.Client(key: null).GetAsync($"{Customers}/{Guid.NewGuid()}")).AssertError(HttpStatusCode.Unauthorized, "MCUS.999.996");

    [Fact]
    public async Task A_request_with_an_unknown_key_is_401() =>
        await (await api.Client("not-a-key").GetAsync($"{Customers}/{Guid.NewGuid()}")).AssertError(HttpStatusCode.Unauthorized, "MCUS.999.996");

    [Fact]
    public async Task A_bad_body_without_a_key_is_still_401() =>
        await (await api.Client(key: null).PostAsync(Customers, HttpAssertions.Json("{oops"))).AssertError(HttpStatusCode.Unauthorized, "MCUS.999.996");

    [Fact]
    public async Task A_key_with_read_permission_may_read() =>
        await (await api.Client(TestKeys.CustomersReader).GetAsync($"{Customers}/{Guid.NewGuid()}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Fact]
    public async Task A_key_without_write_permission_is_403_on_a_write() =>
        await (await api.Client(TestKeys.CustomersReader).PostJson(Customers, Bodies.Private())).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");

    [Fact]
    public async Task A_key_without_the_resource_permission_is_403() =>
        await (await api.Client(TestKeys.CustomersReader).GetAsync("/v4/orgs/telco/external-customers/1")).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");

    [Fact]
    public async Task Another_orgs_key_is_403() =>
        await (await api.Client(TestKeys.OtherOrgAdmin).GetAsync($"{Customers}/{Guid.NewGuid()}")).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");

    [Theory]
    [InlineData("Telco")]
    [InlineData("-telco")]
    [InlineData("telco_1")]
    public async Task An_org_id_off_the_pattern_is_400(string org) =>
        await (await api.Client().GetAsync($"/v4/orgs/{org}/customers/{Guid.NewGuid()}")).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

    [Fact]
    public async Task Health_needs_no_key()
    {
        Assert.Equal(HttpStatusCode.OK, (await api.Client(key: null).GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Client(key: null).GetAsync("/health/ready")).StatusCode);
    }
}
