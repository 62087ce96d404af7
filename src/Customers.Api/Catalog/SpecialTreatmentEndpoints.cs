using Customers.Api.Http;
using Customers.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace Customers.Api.Catalog;

/// <summary>The org's special-treatment values and a customer's special treatment (contract §9).</summary>
public static class SpecialTreatmentEndpoints
{
    private const string Tag = "Special treatment";
    private const string About = "The org's special-treatment values and the one a customer holds.";

    public static RouteGroupBuilder MapSpecialTreatmentEndpoints(this RouteGroupBuilder org)
    {
        var values = org.MapResource("/special-treatment", Tag, About, "special-treatment");
        values.MapGet("", List)
            .Describe("getSpecialTreatment", "Get the special-treatment values", "The org's special-treatment values (empty when never set).")
            .Produces<SpecialTreatmentValues>();
        values.MapPatch("", Replace)
            .Describe("updateSpecialTreatment", "Replace the special-treatment values", "Replaces the org's list of special-treatment values.")
            .Answers(StatusCodes.Status409Conflict, "The new list would remove a value assigned to a customer.")
            .Produces(StatusCodes.Status204NoContent);

        var customer = org.MapResource("/customers/{customer_id}/special-treatment", Tag, About, "customer-special-treatment");
        customer.MapGet("", GetForCustomer)
            .Describe("getCustomerSpecialTreatment", "Get a customer's special treatment", "The customer's special-treatment value (0 or 1).")
            .Produces<SpecialTreatmentValues>();
        customer.MapPut("", SetForCustomer)
            .Describe("setCustomerSpecialTreatment", "Set a customer's special treatment", "Sets the customer's value from the org list; [] clears it.")
            .Answers(StatusCodes.Status409Conflict, "The value is being removed from the org list.")
            .Produces(StatusCodes.Status204NoContent);
        customer.MapDelete("", ClearForCustomer)
            .Describe("deleteCustomerSpecialTreatment", "Clear a customer's special treatment", "Removes the customer's special-treatment value.")
            .Produces(StatusCodes.Status204NoContent);
        return org;
    }

    private static async Task<IResult> List([FromRoute(Name = "org_id")] string org, IGrainFactory grains) =>
        JsonAnswer.Ok(new SpecialTreatmentValues { Values = [.. await Catalog(grains, org).GetSpecialTreatment()] });

    private static Task<IResult> Replace([FromRoute(Name = "org_id")] string org, SpecialTreatmentValues request, IGrainFactory grains) =>
        Catalog(grains, org).ReplaceSpecialTreatment(request).ToNoContent();

    private static Task<IResult> GetForCustomer([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => Customer(grains, org, id).GetSpecialTreatment().ToOk());

    private static Task<IResult> SetForCustomer([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, SpecialTreatmentValues request, IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => Customer(grains, org, id).SetSpecialTreatment(request).ToNoContent());

    private static Task<IResult> ClearForCustomer([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => Customer(grains, org, id).ClearSpecialTreatment().ToNoContent());

    private static ITenantCatalogGrain Catalog(IGrainFactory grains, string org) =>
        grains.Ref<ITenantCatalogGrain>(GrainKeys.TenantCatalog(org));

    private static ICustomerSpecialTreatmentGrain Customer(IGrainFactory grains, string org, Guid id) =>
        grains.Ref<ICustomerSpecialTreatmentGrain>(GrainKeys.Customer(org, id));
}
