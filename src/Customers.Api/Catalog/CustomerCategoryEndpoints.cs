using Customers.Api.Auth;
using Customers.Api.Http;
using Customers.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace Customers.Api.Catalog;

/// <summary>A customer's categories and their history (contract §8).</summary>
public static class CustomerCategoryEndpoints
{
    private const string Tag = "Customer categories";
    private const string About = "The categories a customer holds, with their values and history.";

    public static RouteGroupBuilder MapCustomerCategoryEndpoints(this RouteGroupBuilder org)
    {
        var categories = org.MapResource("/customers/{customer_id}/categories", Tag, About, "customer-categories");

        categories.MapPost("", Add)
            .Describe("addCustomerCategory", "Add a category to a customer", "Gives the customer a category with a value from its valid_values (any value when the list is empty).")
            .Answers(StatusCodes.Status409Conflict, "The customer already has the category, or its value is being removed from the catalogue.")
            .Produces(StatusCodes.Status201Created);
        categories.MapGet("", List)
            .Describe("listCustomerCategories", "List a customer's categories", "The customer's categories whose value is not null.")
            .Produces<CustomerCategoriesView>();
        categories.MapGet("/historical", History)
            .Describe("getCustomerCategoryHistory", "Get a customer's category history", "Every value the customer ever had per category, each closed when replaced or removed.")
            .Produces<CustomerCategoryHistoryView>();
        categories.ServesOnly("/historical", HttpMethods.Get);
        categories.MapGet("/{category_id}", Get)
            .Describe("getCustomerCategory", "Get a customer's category", "One category of the customer (404 when absent or null-valued).")
            .Produces<CustomerCategoryView>();
        categories.MapPatch("/{category_id}", Update)
            .Describe("updateCustomerCategory", "Update a customer's category", "Changes the value, description or reason.")
            .Answers(StatusCodes.Status409Conflict, "The value is being removed from the catalogue.")
            .Produces(StatusCodes.Status204NoContent);
        categories.MapDelete("/{category_id}", Delete)
            .Describe("deleteCustomerCategory", "Remove a category from a customer", "Removes the category from the customer; its history keeps it.")
            .Produces(StatusCodes.Status204NoContent);
        return org;
    }

    private static Task<IResult> Add([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, AddCustomerCategoryRequest request, IGrainFactory grains, HttpContext http) =>
        Ids.With(customerId, "customer_id", id => Customer(grains, org, id).AddCategory(request, ApiKeyMiddleware.CallerOf(http).Name)
            .ToResult(() => TypedResults.Created($"/v4/orgs/{org}/customers/{id}/categories/{request.Id}")));

    private static Task<IResult> List([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => Customer(grains, org, id).GetCategories().ToOk());

    private static Task<IResult> History([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => Customer(grains, org, id).GetCategoryHistory().ToOk());

    private static Task<IResult> Get([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, [FromRoute(Name = "category_id")] string categoryId, IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => CategoryIds.With(categoryId, category =>
            Customer(grains, org, id).GetCategory(category).ToOk()));

    private static Task<IResult> Update([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, [FromRoute(Name = "category_id")] string categoryId, PatchCustomerCategoryRequest request, IGrainFactory grains, HttpContext http) =>
        Ids.With(customerId, "customer_id", id => CategoryIds.With(categoryId, category =>
            Customer(grains, org, id).UpdateCategory(category, request, ApiKeyMiddleware.CallerOf(http).Name).ToNoContent()));

    private static Task<IResult> Delete([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, [FromRoute(Name = "category_id")] string categoryId, IGrainFactory grains, HttpContext http) =>
        Ids.With(customerId, "customer_id", id => CategoryIds.With(categoryId, category =>
            Customer(grains, org, id).RemoveCategory(category, ApiKeyMiddleware.CallerOf(http).Name).ToNoContent()));

    private static ICustomerCategoriesGrain Customer(IGrainFactory grains, string org, Guid id) =>
        grains.Ref<ICustomerCategoriesGrain>(GrainKeys.Customer(org, id));
}
