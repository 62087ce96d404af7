using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Catalog;

[Collection(ApiCollection.Name)]
public class UsageCountTests(ApiHostFixture api)
{
    private const int Customers = 20;
    private readonly CatalogHttp _http = new(api);

    private HttpClient Client => _http.Client;

    [Fact]
    public async Task Twenty_customers_given_then_relieved_of_a_category_value_at_once_leave_the_count_right()
    {
        var category = await _http.CreateCategory("risk", "high", "low");
        var customers = await Task.WhenAll(Enumerable.Range(0, Customers).Select(_ => _http.CreateCustomer()));

        await Task.WhenAll(customers.Select(c => _http.AddCategory(c, category, "high")));

        Assert.Equal(Customers, (await _http.CatalogGrain().Usage()).Categories[category]["high"]);
        await (await Client.PatchJson($"{_http.Categories}/{category}", JsonNode.Parse("""{"valid_values": ["low"]}""")!)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");

        var removals = await Task.WhenAll(customers.Select(c => Client.DeleteAsync($"{_http.CustomerCategories(c)}/{category}")));

        Assert.All(removals, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Empty((await _http.CatalogGrain().Usage()).Categories[category]);
        await (await Client.PatchJson($"{_http.Categories}/{category}", JsonNode.Parse("""{"valid_values": ["low"]}""")!)).AssertStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Twenty_customers_given_then_relieved_of_a_special_treatment_at_once_leave_the_count_right()
    {
        await _http.SetSpecialTreatmentValues("gold", "vip");
        var customers = await Task.WhenAll(Enumerable.Range(0, Customers).Select(_ => _http.CreateCustomer()));

        var given = await Task.WhenAll(customers.Select(c => Client.PutJson(_http.CustomerSpecialTreatment(c), CatalogHttp.Values("vip"))));

        Assert.All(given, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal(Customers, (await _http.CatalogGrain().Usage()).SpecialTreatment["vip"]);
        await (await Client.PatchJson(_http.SpecialTreatment, CatalogHttp.Values("gold"))).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");

        var relieved = await Task.WhenAll(customers.Select(c => Client.DeleteAsync(_http.CustomerSpecialTreatment(c))));

        Assert.All(relieved, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Empty((await _http.CatalogGrain().Usage()).SpecialTreatment);
        await _http.SetSpecialTreatmentValues("gold");
    }
}
