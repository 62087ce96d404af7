using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Catalog;

[Collection(ApiCollection.Name)]
public class SpecialTreatmentTests(ApiHostFixture api)
{
    private readonly CatalogHttp _http = new(api);

    private HttpClient Client => _http.Client;

    [Fact]
    public async Task An_org_that_never_set_its_values_has_an_empty_list()
    {
        var list = await (await Client.GetAsync(_http.SpecialTreatment)).AssertStatus(HttpStatusCode.OK);

        Assert.Empty(list["values"]!.AsArray());
    }

    [Fact]
    public async Task Patching_the_org_values_is_204_and_replaces_the_list()
    {
        await _http.SetSpecialTreatmentValues("silver", "gold");

        await _http.SetSpecialTreatmentValues("silver", "gold", "platinum", "vip");

        var list = await (await Client.GetAsync(_http.SpecialTreatment)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(["silver", "gold", "platinum", "vip"], list["values"]!.AsArray().Select(v => (string)v!));
    }

    [Theory]
    [InlineData("""{}""", "values: ")]
    [InlineData("""{"values": ["gold", "gold"]}""", "values: ")]
    [InlineData("""{"values": ["gold", "Gold"]}""", "values[1]: ")]
    [InlineData("""{"values": ["gold", "v i p"]}""", "values[1]: ")]
    [InlineData("""{"values": "gold"}""", "values: ")]
    public async Task Patching_the_org_values_with_an_invalid_list_is_400_naming_the_field(string body, string field)
    {
        var messages = await (await Client.PatchAsync(_http.SpecialTreatment, HttpAssertions.Json(body))).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith(field));
    }

    [Fact]
    public async Task A_customer_without_special_treatment_has_an_empty_list()
    {
        var customer = await _http.CreateCustomer();

        var values = await (await Client.GetAsync(_http.CustomerSpecialTreatment(customer))).AssertStatus(HttpStatusCode.OK);

        Assert.Empty(values["values"]!.AsArray());
    }

    [Fact]
    public async Task Putting_a_listed_value_is_204_and_the_customer_has_it()
    {
        await _http.SetSpecialTreatmentValues("gold", "vip");
        var customer = await _http.CreateCustomer();

        await (await Client.PutJson(_http.CustomerSpecialTreatment(customer), CatalogHttp.Values("vip"))).AssertStatus(HttpStatusCode.NoContent);
        await (await Client.PutJson(_http.CustomerSpecialTreatment(customer), CatalogHttp.Values("gold"))).AssertStatus(HttpStatusCode.NoContent);

        var values = await (await Client.GetAsync(_http.CustomerSpecialTreatment(customer))).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(["gold"], values["values"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public async Task Putting_a_value_the_org_does_not_list_is_400()
    {
        await _http.SetSpecialTreatmentValues("gold");
        var customer = await _http.CreateCustomer();

        var messages = await (await Client.PutJson(_http.CustomerSpecialTreatment(customer), CatalogHttp.Values("vip"))).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("values[0]: "));
        Assert.Empty((await (await Client.GetAsync(_http.CustomerSpecialTreatment(customer))).AssertStatus(HttpStatusCode.OK))["values"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"values": ["gold", "vip"]}""", "values: ")]
    [InlineData("""{"values": ["GOLD"]}""", "values[0]: ")]
    [InlineData("""{}""", "values: ")]
    public async Task Putting_an_invalid_list_is_400_naming_the_field(string body, string field)
    {
        await _http.SetSpecialTreatmentValues("gold", "vip");
        var customer = await _http.CreateCustomer();

        var messages = await (await Client.PutAsync(_http.CustomerSpecialTreatment(customer), HttpAssertions.Json(body))).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith(field));
    }

    [Fact]
    public async Task Putting_an_empty_list_clears_the_special_treatment()
    {
        await _http.SetSpecialTreatmentValues("vip");
        var customer = await _http.CreateCustomer();
        await (await Client.PutJson(_http.CustomerSpecialTreatment(customer), CatalogHttp.Values("vip"))).AssertStatus(HttpStatusCode.NoContent);

        await (await Client.PutJson(_http.CustomerSpecialTreatment(customer), CatalogHttp.Values())).AssertStatus(HttpStatusCode.NoContent);

        Assert.Empty((await (await Client.GetAsync(_http.CustomerSpecialTreatment(customer))).AssertStatus(HttpStatusCode.OK))["values"]!.AsArray());
    }

    [Fact]
    public async Task Deleting_the_special_treatment_is_204_and_clears_it()
    {
        await _http.SetSpecialTreatmentValues("vip");
        var customer = await _http.CreateCustomer();
        await (await Client.PutJson(_http.CustomerSpecialTreatment(customer), CatalogHttp.Values("vip"))).AssertStatus(HttpStatusCode.NoContent);

        await (await Client.DeleteAsync(_http.CustomerSpecialTreatment(customer))).AssertStatus(HttpStatusCode.NoContent);

        Assert.Empty((await (await Client.GetAsync(_http.CustomerSpecialTreatment(customer))).AssertStatus(HttpStatusCode.OK))["values"]!.AsArray());
        await (await Client.DeleteAsync(_http.CustomerSpecialTreatment(customer))).AssertStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Removing_from_the_org_a_value_assigned_to_a_customer_is_409_until_it_is_unassigned()
    {
        await _http.SetSpecialTreatmentValues("gold", "vip");
        var customer = await _http.CreateCustomer();
        await (await Client.PutJson(_http.CustomerSpecialTreatment(customer), CatalogHttp.Values("vip"))).AssertStatus(HttpStatusCode.NoContent);

        await (await Client.PatchJson(_http.SpecialTreatment, CatalogHttp.Values("gold"))).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
        await _http.SetSpecialTreatmentValues("vip", "platinum");

        await (await Client.DeleteAsync(_http.CustomerSpecialTreatment(customer))).AssertStatus(HttpStatusCode.NoContent);

        await _http.SetSpecialTreatmentValues("gold");
    }

    [Fact]
    public async Task Changing_a_customers_value_frees_the_old_one()
    {
        await _http.SetSpecialTreatmentValues("gold", "vip");
        var customer = await _http.CreateCustomer();
        await (await Client.PutJson(_http.CustomerSpecialTreatment(customer), CatalogHttp.Values("vip"))).AssertStatus(HttpStatusCode.NoContent);

        await (await Client.PutJson(_http.CustomerSpecialTreatment(customer), CatalogHttp.Values("gold"))).AssertStatus(HttpStatusCode.NoContent);

        await _http.SetSpecialTreatmentValues("gold");
        await (await Client.PatchJson(_http.SpecialTreatment, CatalogHttp.Values("vip"))).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task Deleting_a_customer_frees_its_value()
    {
        await _http.SetSpecialTreatmentValues("vip");
        var customer = await _http.CreateCustomer();
        await (await Client.PutJson(_http.CustomerSpecialTreatment(customer), CatalogHttp.Values("vip"))).AssertStatus(HttpStatusCode.NoContent);

        await (await Client.DeleteAsync($"/v4/orgs/{_http.Org}/customers/{customer}")).AssertStatus(HttpStatusCode.NoContent);

        await _http.SetSpecialTreatmentValues();
        Assert.Empty((await (await Client.GetAsync(_http.SpecialTreatment)).AssertStatus(HttpStatusCode.OK))["values"]!.AsArray());
    }

    [Fact]
    public async Task Every_customer_special_treatment_endpoint_is_404_for_an_unknown_or_deleted_customer()
    {
        await _http.SetSpecialTreatmentValues("vip");
        var deleted = await _http.CreateCustomer();
        await (await Client.DeleteAsync($"/v4/orgs/{_http.Org}/customers/{deleted}")).AssertStatus(HttpStatusCode.NoContent);

        foreach (var customer in new[] { Guid.NewGuid().ToString(), deleted })
        {
            var url = _http.CustomerSpecialTreatment(customer);
            await (await Client.GetAsync(url)).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
            await (await Client.PutJson(url, CatalogHttp.Values("vip"))).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
            await (await Client.DeleteAsync(url)).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        }
    }

    [Fact]
    public async Task A_malformed_customer_id_is_400_naming_it()
    {
        var messages = await (await Client.GetAsync(_http.CustomerSpecialTreatment("42"))).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("customer_id: "));
    }

    [Fact]
    public async Task The_values_of_one_org_mean_nothing_in_another()
    {
        await _http.SetSpecialTreatmentValues("vip");
        var other = new CatalogHttp(api);
        var customer = await other.CreateCustomer();

        Assert.Empty((await (await Client.GetAsync(other.SpecialTreatment)).AssertStatus(HttpStatusCode.OK))["values"]!.AsArray());
        await (await Client.PutJson(other.CustomerSpecialTreatment(customer), CatalogHttp.Values("vip"))).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");
    }

    [Fact]
    public async Task Keys_without_the_special_treatment_permissions_are_403()
    {
        var reader = api.Client(TestKeys.CustomersReader);
        var customer = $"/v4/orgs/telco/customers/{Guid.NewGuid()}/special-treatment";

        await (await reader.GetAsync("/v4/orgs/telco/special-treatment")).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await reader.PatchJson("/v4/orgs/telco/special-treatment", CatalogHttp.Values("vip"))).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await reader.GetAsync(customer)).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await reader.PutJson(customer, CatalogHttp.Values("vip"))).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await reader.DeleteAsync(customer)).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
    }
}
