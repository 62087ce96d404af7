using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Catalog;

[Collection(ApiCollection.Name)]
public class CatalogStorageTests(ApiHostFixture api)
{
    private const int Holders = 50;
    private readonly CatalogHttp _http = new(api);

    [Fact]
    public async Task The_catalogue_row_does_not_grow_with_the_customers_holding_its_values()
    {
        var category = await _http.CreateCategory("segment", "gold", "silver");
        await _http.SetSpecialTreatmentValues("vip", "gold");
        var before = await StoredCatalog.Catalogue(api.Host.ServiceId, _http.Org);
        var customers = await Task.WhenAll(Enumerable.Range(0, Holders).Select(_ => _http.CreateCustomer()));

        await Task.WhenAll(customers.Select(c => _http.AddCategory(c, category, "gold")));
        var given = await Task.WhenAll(customers.Select(c => _http.Client.PutJson(_http.CustomerSpecialTreatment(c), CatalogHttp.Values("vip"))));

        Assert.All(given, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.NotNull(before);
        Assert.Equal(before, await StoredCatalog.Catalogue(api.Host.ServiceId, _http.Org));
        Assert.DoesNotContain(customers[0], before);

        foreach (var (scope, value) in new[] { (HolderBuckets.CategoryScope(category), "gold"), (HolderBuckets.SpecialTreatment, "vip") })
        {
            var buckets = await StoredCatalog.Buckets(api.Host.ServiceId, _http.Org, scope);
            var holders = buckets.Values.SelectMany(b => JsonNode.Parse(b)!["holders"]!.AsObject()).ToList();
            Assert.Equal(customers.Order(), holders.Select(h => h.Key).Order());
            Assert.All(holders, h => Assert.Equal(value, (string?)h.Value));
            // Spread over many small rows rather than one that grows.
            Assert.True(buckets.Count > 10, $"{buckets.Count} buckets in use");
            foreach (var (key, payload) in buckets)
            {
                Assert.All(JsonNode.Parse(payload)!["holders"]!.AsObject(), h => Assert.Equal(key, HolderBuckets.Key(_http.Org, scope, Guid.Parse(h.Key))));
            }
        }
    }

    [Fact]
    public async Task A_refused_value_or_an_unknown_category_writes_no_holder_row()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory("risk", "high");

        await (await _http.Client.PostJson(_http.CustomerCategories(customer), JsonNode.Parse("""{"id": 214748364, "value": "a"}""")!))
            .AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _http.Client.PostJson(_http.CustomerCategories(customer), JsonNode.Parse($$"""{"id": {{category}}, "value": "low"}""")!))
            .AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");
        await (await _http.Client.PutJson(_http.CustomerSpecialTreatment(customer), CatalogHttp.Values("vip"))).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Equal(0, await StoredCatalog.BucketRows(api.Host.ServiceId, _http.Org, "214748364"));
        Assert.Equal(0, await StoredCatalog.BucketRows(api.Host.ServiceId, _http.Org, HolderBuckets.CategoryScope(category)));
        Assert.Equal(0, await StoredCatalog.BucketRows(api.Host.ServiceId, _http.Org, HolderBuckets.SpecialTreatment));
    }
}
