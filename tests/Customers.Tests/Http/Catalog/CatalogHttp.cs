using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Customers.Tests.Http.Catalog;

/// <summary>A fresh org per test, so each test sees only its own catalogue; and the calls the tests repeat.</summary>
public sealed class CatalogHttp(ApiHostFixture api, HttpClient? client = null, string? org = null)
{
    public string Org { get; } = org ?? $"cat-{Guid.NewGuid():N}"[..16];

    public HttpClient Client { get; } = client ?? api.Client();

    public string Categories => $"/v4/orgs/{Org}/categories";

    public string SpecialTreatment => $"/v4/orgs/{Org}/special-treatment";

    public string CustomerCategories(string customerId) => $"/v4/orgs/{Org}/customers/{customerId}/categories";

    public string CustomerSpecialTreatment(string customerId) => $"/v4/orgs/{Org}/customers/{customerId}/special-treatment";

    public ITenantCatalogGrain CatalogGrain() =>
        api.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITenantCatalogGrain>(GrainKeys.TenantCatalog(Org));

    public async Task<string> CreateCustomer()
    {
        var created = await (await Client.PostJson($"/v4/orgs/{Org}/customers", Bodies.Digital())).AssertStatus(HttpStatusCode.Created);
        return (string)created["id"]!;
    }

    public async Task<int> CreateCategory(string? name = null, params string[] validValues)
    {
        var category = new JsonObject { ["name"] = name ?? UniqueName(), ["description"] = "Risk category" };
        if (validValues.Length > 0)
        {
            category["valid_values"] = new JsonArray(validValues.Select(v => (JsonNode)v!).ToArray());
        }

        var created = await (await Client.PostJson(Categories, new JsonObject { ["categories"] = new JsonArray(category) })).AssertStatus(HttpStatusCode.Created);
        return (int)created["categories"]![0]!["id"]!;
    }

    public async Task AddCategory(string customerId, int categoryId, string? value, HttpClient? actor = null)
    {
        var body = new JsonObject { ["id"] = categoryId, ["value"] = value, ["description"] = "Bill discount", ["reason"] = "Sponsored videos" };
        await (await (actor ?? Client).PostJson(CustomerCategories(customerId), body)).AssertStatus(HttpStatusCode.Created);
    }

    public async Task SetSpecialTreatmentValues(params string[] values) =>
        await (await Client.PatchJson(SpecialTreatment, Values(values))).AssertStatus(HttpStatusCode.NoContent);

    public static JsonObject Values(params string[] values) =>
        new() { ["values"] = new JsonArray(values.Select(v => (JsonNode)v!).ToArray()) };

    public static string UniqueName() => $"cat_{Guid.NewGuid():N}"[..20];
}
