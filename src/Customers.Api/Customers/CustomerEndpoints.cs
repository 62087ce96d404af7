using Customers.Api.Auth;
using Customers.Api.Http;
using Customers.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace Customers.Api.Customers;

public static class CustomerEndpoints
{
    private const string Tag = "Customers";
    private const string About = "Private, corporate and digital customers: create, read, change, delete, search by document or login e-mail, find by external id.";

    public static RouteGroupBuilder MapCustomerEndpoints(this RouteGroupBuilder org)
    {
        var customers = org.MapResource("/customers", Tag, About, "customers");

        customers.MapPost("", Create)
            .Describe("createCustomer", "Create a customer", "Creates a PRIVATE_CUSTOMER, CORPORATE_CUSTOMER or DIGITAL_CUSTOMER; the body's shape follows `type`. Answers the new id and its external id.")
            .Answers(StatusCodes.Status409Conflict, "The identity document (type and number) or the digital e-mail already belongs to another live customer of the org.")
            .Produces<CustomerCreated>(StatusCodes.Status201Created);
        customers.MapGet("/search", Search)
            .Describe("searchCustomer", "Search a customer", "Finds the customer holding an identity document (with its type) or authenticating with an e-mail (a credential username or a digital customer's e-mail, case-insensitively), or both for the same customer.")
            .Answers(StatusCodes.Status404NotFound, "No customer matches.")
            .Produces<SearchResponse>();
        customers.ServesOnly("/search", HttpMethods.Get);
        customers.MapGet("/{customer_id}", Get)
            .Describe("getCustomer", "Get a customer", "The full customer: type, language, segment, contact info, personal, company or digital info, timestamps.")
            .Produces<CustomerView>();
        customers.MapPatch("/{customer_id}", Update)
            .Describe("updateCustomer", "Update a customer", "Changes any of preferred_language, contact_info (each list given replaces the stored one), personal_info or company_info (not the identity document). Same rules as creation.")
            .Answers(StatusCodes.Status409Conflict, "The new digital e-mail belongs to another customer.")
            .Produces(StatusCodes.Status204NoContent);
        customers.MapDelete("/{customer_id}", Delete)
            .Describe("deleteCustomer", "Delete a customer", "Deletes the customer; afterwards it is 404 everywhere and its document, e-mail and external id stop resolving.")
            .Answers(StatusCodes.Status409Conflict, "The customer still has live accounts.")
            .Produces(StatusCodes.Status204NoContent);
        customers.MapPut("/{customer_id}/associated_users", ReplaceAssociatedUsers)
            .Describe("replaceAssociatedUsers", "Replace the associated user", "Replaces the authorized representative of a CORPORATE_CUSTOMER (exactly one item). 400 for any other type.")
            .Produces(StatusCodes.Status204NoContent);
        customers.MapPatch("/{customer_id}/convert-nie-to-nif", ConvertNieToNif)
            .Describe("convertNieToNif", "Convert NIE to NIF", "Replaces the customer's NIE by a NIF; search by the old NIE stops finding it.")
            .Answers(StatusCodes.Status409Conflict, "The customer's document is not a NIE, or the NIF belongs to another customer.")
            .Produces(StatusCodes.Status204NoContent);

        org.MapGet("/external-customers/{external_id}", FindByExternalId)
            .Describe("getCustomerByExternalId", "Find a customer by external id", "The id of the customer with this external (legacy) id.")
            .Tagged(Tag, About).RequiresPermission("external-customers")
            .Produces<IdResponse>();
        return org;
    }

    private static Task<IResult> Create([FromRoute(Name = "org_id")] string org, CreateCustomerRequest request, IGrainFactory grains) =>
        Customer(grains, org, Guid.NewGuid()).Create(request)
            .ToResult(created => JsonAnswer.Created($"/v4/orgs/{org}/customers/{created.Id}", created));

    private static async Task<IResult> Get([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, IGrainFactory grains)
    {
        if (!Ids.TryParse(customerId, "customer_id", out var id, out var error))
        {
            return error;
        }

        return await Customer(grains, org, id).Get() is { } customer
            ? JsonAnswer.Ok(customer, ApiJsonContext.Default.CustomerView)
            : ApiErrors.NotFound("customer not found");
    }

    private static Task<IResult> Update([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, PatchCustomerRequest request, IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => Customer(grains, org, id).Update(request).ToNoContent());

    private static Task<IResult> Delete([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => Customer(grains, org, id).Delete().ToNoContent());

    private static Task<IResult> ReplaceAssociatedUsers([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, AssociatedUsersRequest request, IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => Customer(grains, org, id).ReplaceAssociatedUsers(request).ToNoContent());

    private static Task<IResult> ConvertNieToNif([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, ConvertNieToNifRequest request, IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => Customer(grains, org, id).ConvertNieToNif(request).ToNoContent());

    private static Task<IResult> Search(
        [FromRoute(Name = "org_id")] string org,
        [FromQuery(Name = "identity_document")] string? identityDocument,
        [FromQuery(Name = "identity_document_type")] string? identityDocumentType,
        [FromQuery(Name = "email")] string? email,
        IGrainFactory grains) =>
        grains.Ref<ICustomerDirectoryGrain>(org).Search(identityDocument, identityDocumentType, email)
            .ToResult(found => JsonAnswer.Ok(new SearchResponse(found), ApiJsonContext.Default.SearchResponse));

    private static async Task<IResult> FindByExternalId([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "external_id")] string externalId, IGrainFactory grains)
    {
        if (!ExternalIds.IsWellFormed(externalId))
        {
            return ApiErrors.NotFound("customer not found");
        }

        var found = await grains.Ref<ICustomerDirectoryGrain>(org).FindByExternalId(externalId);
        return found is null ? ApiErrors.NotFound("customer not found") : JsonAnswer.Ok(new IdResponse(found.Id));
    }

    private static ICustomerGrain Customer(IGrainFactory grains, string org, Guid id) =>
        grains.Ref<ICustomerGrain>(GrainKeys.Customer(org, id));

    public sealed record SearchResponse(CustomerRef Customer);

    public sealed record IdResponse(Guid Id);
}
