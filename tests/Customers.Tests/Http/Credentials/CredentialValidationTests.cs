using System.Net;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Credentials;

[Collection(ApiCollection.Name)]
public class CredentialValidationTests(ApiHostFixture api)
{
    private readonly CredentialApi _api = new(api.Client());

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"username": null}""")]
    [InlineData("""{"username": "not-an-email"}""")]
    [InlineData("""{"username": ""}""")]
    [InlineData("""{"username": "ana@example.com\n"}""")]
    [InlineData("""{"username": " ana@example.com"}""")]
    public async Task A_missing_or_malformed_username_is_400_naming_the_field(string body)
    {
        var customer = await _api.CreateCustomer();

        foreach (var path in new[] { _api.Path(customer), $"{_api.Path(customer)}/migration", $"{_api.Path(customer)}/change" })
        {
            var messages = await (await _api.Client.PostAsync(path, HttpAssertions.Json(body))).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");
            Assert.Contains(messages, m => m.StartsWith("username: "));
        }
    }

    [Fact]
    public async Task A_username_longer_than_82_characters_is_400()
    {
        var customer = await _api.CreateCustomer();
        var username = new string('a', 71) + "@example.com";

        var messages = await (await _api.Create(customer, username)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("username: "));
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"expiration_date": "31/12/2025"}""")]
    [InlineData("""{"expiration_date": "2025-02-30"}""")]
    [InlineData("""{"expiration_date": "2030-01-01\n"}""")]
    [InlineData("""{"expiration_date": 20251231}""")]
    public async Task An_expiration_date_that_is_absent_or_not_a_date_is_400_naming_the_field(string body)
    {
        var customer = await _api.CreateCustomer();
        await _api.CreateCredential(customer, Bodies.UniqueEmail());

        var messages = await (await _api.SetExpiration(customer, body)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("expiration_date: "));
    }

    [Fact]
    public async Task Setting_the_expiration_or_changing_the_username_without_a_credential_is_404()
    {
        var customer = await _api.CreateCustomer();

        await (await _api.SetExpiration(customer, """{"expiration_date": "2030-01-01"}""")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _api.Change(customer, Bodies.UniqueEmail())).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task Every_credential_endpoint_of_an_unknown_customer_is_404()
    {
        var unknown = Guid.NewGuid().ToString();

        await (await _api.Client.GetAsync(_api.Path(unknown))).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _api.Create(unknown, Bodies.UniqueEmail())).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _api.Migrate(unknown, Bodies.UniqueEmail())).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _api.Activate(unknown)).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _api.SetExpiration(unknown, """{"expiration_date": null}""")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _api.Change(unknown, Bodies.UniqueEmail())).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _api.Delete(unknown, Guid.NewGuid().ToString())).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task A_credential_of_another_org_is_not_found()
    {
        var customer = await _api.CreateCustomer();
        var credential = await _api.CreateCredential(customer, Bodies.UniqueEmail());
        var other = new CredentialApi(api.Client(), TestKeys.OtherOrg);

        await (await other.Client.GetAsync(other.Path(customer))).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await other.Delete(customer, credential)).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task Ids_that_are_not_UUIDs_are_400_naming_the_parameter()
    {
        var customer = await _api.CreateCustomer();

        var byCustomer = await (await _api.Client.GetAsync(_api.Path("not-a-uuid"))).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");
        var byCredential = await (await _api.Delete(customer, "not-a-uuid")).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(byCustomer, m => m.StartsWith("customer_id: "));
        Assert.Contains(byCredential, m => m.StartsWith("credential_id: "));
    }

    [Fact]
    public async Task A_key_without_the_customer_credentials_permission_is_403()
    {
        var customer = await _api.CreateCustomer();
        var reader = new CredentialApi(api.Client(TestKeys.CustomersReader));

        await (await reader.Client.GetAsync(reader.Path(customer))).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await reader.Create(customer, Bodies.UniqueEmail())).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await reader.Activate(customer)).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
    }

    [Fact]
    public async Task A_request_without_a_key_is_401()
    {
        var anonymous = new CredentialApi(api.Client(key: null));

        await (await anonymous.Client.GetAsync(anonymous.Path(Guid.NewGuid().ToString()))).AssertError(HttpStatusCode.Unauthorized, "MCUS.999.996");
    }
}
