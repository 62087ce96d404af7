using System.Net;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http;

[Collection(ApiCollection.Name)]
public class FrontDoorTests(ApiHostFixture api)
{
    [Fact]
    public async Task An_unknown_route_is_404_in_the_envelope() =>
        await (await api.Client().GetAsync("/v4/orgs/telco/no-such-thing")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Fact]
    public async Task A_known_route_with_a_wrong_method_is_405_in_the_envelope() =>
        await (await api.Client().PutAsync($"/v4/orgs/telco/customers/{Guid.NewGuid()}", HttpAssertions.Json("{}"))).AssertError(HttpStatusCode.MethodNotAllowed, "MCUS.999.993");

    [Theory]
    [InlineData("PATCH", "customers/search", "GET")]
    [InlineData("DELETE", "customers/search", "GET")]
    [InlineData("PATCH", "customers/{customer}/categories/historical", "GET")]
    [InlineData("DELETE", "customers/{customer}/categories/historical", "GET")]
    [InlineData("DELETE", "customers/{customer}/credentials/activate", "POST")]
    [InlineData("DELETE", "customers/{customer}/credentials/migration", "POST")]
    [InlineData("DELETE", "customers/{customer}/credentials/change", "POST")]
    public async Task A_literal_route_beside_a_parameter_is_405_for_a_method_only_the_parameter_serves(string method, string path, string allowed)
    {
        var url = "/v4/orgs/telco/" + path.Replace("{customer}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = HttpAssertions.Json("{}") };

        var response = await api.Client().SendAsync(request);

        await response.AssertError(HttpStatusCode.MethodNotAllowed, "MCUS.999.993");
        Assert.Equal([allowed], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task The_OpenAPI_document_uses_snake_case_and_the_API_key_scheme()
    {
        var document = await (await api.Client(key: null).GetAsync("/swagger/v1/swagger.json")).AssertStatus(HttpStatusCode.OK);
        var raw = document.ToJsonString();

        Assert.Contains("\"preferred_language\"", raw);
        Assert.Contains("\"identity_document\"", raw);
        Assert.DoesNotContain("\"preferredLanguage\"", raw);
        Assert.Equal("X-API-Key", (string?)document["components"]!["securitySchemes"]!["ApiKey"]!["name"]);
        Assert.NotNull(document["paths"]!["/v4/orgs/{org_id}/customers"]);
        Assert.DoesNotContain("dashboard", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_OpenAPI_document_asks_no_key_for_the_signed_document_download()
    {
        var document = await (await api.Client(key: null).GetAsync("/swagger/v1/swagger.json")).AssertStatus(HttpStatusCode.OK);

        var download = document["paths"]!["/v4/orgs/{org_id}/documents/{document_id}"]!["get"]!;
        var customers = document["paths"]!["/v4/orgs/{org_id}/customers"]!["post"]!;

        Assert.Empty(download["security"]!.AsArray());
        Assert.True(customers["security"] is null || customers["security"]!.AsArray().Count > 0);
    }

    [Fact]
    public async Task Swagger_UI_is_served()
    {
        var response = await api.Client(key: null).GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_Orleans_dashboard_is_served_to_an_operator_key()
    {
        var response = await api.Client(TestKeys.Operator).GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
