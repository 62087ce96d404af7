using Customers.Api.Auth;
using Customers.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace Customers.Api.Customers;

public static class CustomerEndpoints
{
    private const string Tag = "Customers";

    public static RouteGroupBuilder MapCustomerEndpoints(this RouteGroupBuilder org)
    {
        var customers = org.MapGroup("/customers").WithTags(Tag).RequiresPermission("customers");

        customers.MapPost("", Create).Produces<CustomerCreated>(StatusCodes.Status201Created);
        customers.MapGet("/search", Search).Produces<SearchResponse>();
        customers.MapGet("/{customer_id}", Get).Produces<CustomerView>();
        customers.MapPatch("/{customer_id}", Update).Produces(StatusCodes.Status204NoContent);
        customers.MapDelete("/{customer_id}", Delete).Produces(StatusCodes.Status204NoContent);
        customers.MapPut("/{customer_id}/associated_users", ReplaceAssociatedUsers).Produces(StatusCodes.Status204NoContent);
        customers.MapPatch("/{customer_id}/convert-nie-to-nif", ConvertNieToNif).Produces(StatusCodes.Status204NoContent);

        org.MapGet("/external-customers/{external_id}", FindByExternalId)
            .WithTags(Tag).RequiresPermission("external-customers").Produces<IdResponse>();
        return org;
    }

    private static async Task<IResult> Create([FromRoute(Name = "org_id")] string org, CreateCustomerRequest request, IGrainFactory grains)
    {
        var id = Guid.NewGuid();
        var outcome = await grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(org, id)).Create(request);
        return outcome.ToResult(created => TypedResults.Created($"/v4/orgs/{org}/customers/{created.Id}", created));
    }

    private static async Task<IResult> Get([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, IGrainFactory grains)
    {
        if (!Ids.TryParse(customerId, "customer_id", out var id, out var error))
        {
            return error;
        }

        var customer = await grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(org, id)).Get();
        return customer is null ? ApiErrors.NotFound("customer not found") : TypedResults.Ok(customer);
    }

    private static async Task<IResult> Update([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, PatchCustomerRequest request, IGrainFactory grains)
    {
        if (!Ids.TryParse(customerId, "customer_id", out var id, out var error))
        {
            return error;
        }

        var outcome = await grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(org, id)).Update(request);
        return outcome.ToResult(TypedResults.NoContent);
    }

    private static async Task<IResult> Delete([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, IGrainFactory grains)
    {
        if (!Ids.TryParse(customerId, "customer_id", out var id, out var error))
        {
            return error;
        }

        var outcome = await grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(org, id)).Delete();
        return outcome.ToResult(TypedResults.NoContent);
    }

    private static async Task<IResult> ReplaceAssociatedUsers([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, AssociatedUsersRequest request, IGrainFactory grains)
    {
        if (!Ids.TryParse(customerId, "customer_id", out var id, out var error))
        {
            return error;
        }

        var outcome = await grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(org, id)).ReplaceAssociatedUsers(request);
        return outcome.ToResult(TypedResults.NoContent);
    }

    private static async Task<IResult> ConvertNieToNif([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, ConvertNieToNifRequest request, IGrainFactory grains)
    {
        if (!Ids.TryParse(customerId, "customer_id", out var id, out var error))
        {
            return error;
        }

        var outcome = await grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(org, id)).ConvertNieToNif(request);
        return outcome.ToResult(TypedResults.NoContent);
    }

    private static async Task<IResult> Search(
        [FromRoute(Name = "org_id")] string org,
        [FromQuery(Name = "identity_document")] string? identityDocument,
        [FromQuery(Name = "identity_document_type")] string? identityDocumentType,
        [FromQuery(Name = "email")] string? email,
        IGrainFactory grains)
    {
        var outcome = await grains.GetGrain<ICustomerDirectoryGrain>(org).Search(identityDocument, identityDocumentType, email);
        return outcome.ToResult(found => TypedResults.Ok(new SearchResponse(found)));
    }

    private static async Task<IResult> FindByExternalId([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "external_id")] string externalId, IGrainFactory grains)
    {
        if (!ExternalIds.IsWellFormed(externalId))
        {
            return ApiErrors.NotFound("customer not found");
        }

        var found = await grains.GetGrain<ICustomerDirectoryGrain>(org).FindByExternalId(externalId);
        return found is null ? ApiErrors.NotFound("customer not found") : TypedResults.Ok(new IdResponse(found.Id));
    }

    public sealed record SearchResponse(CustomerRef Customer);

    public sealed record IdResponse(Guid Id);
}
