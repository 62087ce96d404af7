using Customers.Api.Auth;
using Customers.Api.Http;
using Customers.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace Customers.Api.Catalog;

/// <summary>The org's category catalogue (contract §8).</summary>
public static class CategoryEndpoints
{
    private const string Tag = "Categories";
    private const string About = "The org's catalogue of customer categories and their valid values.";

    public static RouteGroupBuilder MapCategoryEndpoints(this RouteGroupBuilder org)
    {
        var categories = org.MapResource("/categories", Tag, About, "categories");

        categories.MapGet("", List)
            .Describe("listCategories", "List categories", "The org's categories, ordered by id.")
            .Produces<CategoryList>();
        categories.MapPost("", Create)
            .Describe("createCategories", "Create categories", "Creates 1 to 50 categories at once, all or nothing; answers them with their ids.")
            .Answers(StatusCodes.Status409Conflict, "A name exists already (case-insensitively) or repeats in the batch, or the org would pass its category limit.")
            .Produces<CategoryList>(StatusCodes.Status201Created);
        categories.MapGet("/{category_id}", Get)
            .Describe("getCategory", "Get a category", "One category of the catalogue.")
            .Produces<Category>();
        categories.MapPatch("/{category_id}", Update)
            .Describe("updateCategory", "Update a category", "Changes the description and replaces valid_values (an empty list allows any value).")
            .Answers(StatusCodes.Status409Conflict, "The new valid_values would remove a value a customer holds.")
            .Produces(StatusCodes.Status204NoContent);
        categories.MapDelete("/{category_id}", Delete)
            .Describe("deleteCategory", "Delete a category", "Deletes the category; customers holding it lose it (their history keeps it, ended now).")
            .Produces(StatusCodes.Status204NoContent);
        return org;
    }

    private static async Task<IResult> List([FromRoute(Name = "org_id")] string org, IGrainFactory grains) =>
        JsonAnswer.Ok(new CategoryList(await Catalog(grains, org).ListCategories()));

    private static Task<IResult> Create([FromRoute(Name = "org_id")] string org, CreateCategoriesRequest request, IGrainFactory grains) =>
        Catalog(grains, org).CreateCategories(request)
            .ToResult(created => JsonAnswer.Created($"/v4/orgs/{org}/categories", new CategoryList(created)));

    private static Task<IResult> Get([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "category_id")] string categoryId, IGrainFactory grains) =>
        CategoryIds.With(categoryId, async id =>
            await Catalog(grains, org).GetCategory(id) is { } category ? JsonAnswer.Ok(category) : ApiErrors.NotFound("category not found"));

    private static Task<IResult> Update([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "category_id")] string categoryId, PatchCategoryRequest request, IGrainFactory grains) =>
        CategoryIds.With(categoryId, id => Catalog(grains, org).UpdateCategory(id, request).ToNoContent());

    private static Task<IResult> Delete([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "category_id")] string categoryId, IGrainFactory grains, HttpContext http) =>
        CategoryIds.With(categoryId, id => Catalog(grains, org).DeleteCategory(id, ApiKeyMiddleware.CallerOf(http).Name).ToNoContent());

    private static ITenantCatalogGrain Catalog(IGrainFactory grains, string org) =>
        grains.Ref<ITenantCatalogGrain>(GrainKeys.TenantCatalog(org));

    public sealed record CategoryList(IReadOnlyList<Category> Categories);
}
