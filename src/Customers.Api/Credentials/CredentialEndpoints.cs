using System.Text.Json;
using Customers.Api.Http;
using Customers.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace Customers.Api.Credentials;

/// <summary>Contract §10: the customer's credential and its identity provider lifecycle.</summary>
public static class CredentialEndpoints
{
    private const string Tag = "Customer credentials";
    private const string About = "A customer's login credential: reservation, migration, activation at the identity provider, username change, expiration.";

    public static RouteGroupBuilder MapCredentialEndpoints(this RouteGroupBuilder org)
    {
        var credentials = org.MapResource("/customers/{customer_id}/credentials", Tag, About, "customer-credentials");

        credentials.MapGet("", Get)
            .Describe("getCustomerCredentials", "Get a customer's credentials", "The current username and the customer's credentials.")
            .Produces<CustomerCredentials>();
        credentials.MapPost("", Create)
            .Describe("createCredential", "Reserve a credential", "Creates a RESERVED credential with the username.")
            .Answers(StatusCodes.Status409Conflict, "The username is taken, or the customer already has a current credential.")
            .Produces<CredentialCreated>(StatusCodes.Status201Created);
        credentials.MapPost("/migration", Migrate)
            .Describe("migrateCredential", "Migrate a credential", "Creates an ACTIVE credential migrated from the legacy system.")
            .Answers(StatusCodes.Status409Conflict, "The username is taken, or the customer already has a current credential.")
            .Produces<CredentialCreated>(StatusCodes.Status201Created);
        credentials.ServesOnly("/migration", HttpMethods.Post);
        credentials.MapPost("/activate", Activate)
            .Describe("activateCredential", "Activate the credential", "RESERVED becomes ACTIVATING, then ACTIVE once the identity provider confirms.")
            .Answers(StatusCodes.Status409Conflict, "The credential is already ACTIVE.")
            .Produces(StatusCodes.Status202Accepted);
        credentials.ServesOnly("/activate", HttpMethods.Post);
        credentials.MapPatch("", SetExpiration)
            .Describe("updateCredentialExpiration", "Set the credential's expiration", "Sets (or with null removes) the current credential's expiration_date.")
            .Produces(StatusCodes.Status204NoContent);
        credentials.MapPost("/change", ChangeUsername)
            .Describe("changeCredentialUsername", "Change the username", "Changes the current credential's username; an ACTIVE one is renamed at the identity provider too.")
            .Answers(StatusCodes.Status409Conflict, "The new username is taken.")
            .Produces(StatusCodes.Status204NoContent);
        credentials.ServesOnly("/change", HttpMethods.Post);
        credentials.MapDelete("/{credential_id}", Delete)
            .Describe("deleteCredential", "Delete a credential", "Deletes the customer's credential and frees its username (once the identity provider confirms, for an active one).")
            .Produces(StatusCodes.Status204NoContent);
        return org;
    }

    private static Task<IResult> Get([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => Grain(grains, org, id).GetCredentials().ToOk());

    private static Task<IResult> Create([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, CredentialRequest request, IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => Grain(grains, org, id).CreateCredential(request)
            .ToResult(created => JsonAnswer.Created($"/v4/orgs/{org}/customers/{id}/credentials", created)));

    private static Task<IResult> Migrate([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, CredentialRequest request, IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => Grain(grains, org, id).MigrateCredential(request)
            .ToResult(created => JsonAnswer.Created($"/v4/orgs/{org}/customers/{id}/credentials", created)));

    private static Task<IResult> Activate([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => Grain(grains, org, id).ActivateCredential().ToResult(() => TypedResults.Accepted((string?)null)));

    private static Task<IResult> SetExpiration([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, ExpirationRequest request, IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => SetExpirationOn(Grain(grains, org, id), request));

    private static async Task<IResult> SetExpirationOn(ICustomerCredentialsGrain grain, ExpirationRequest request)
    {
        // The property is required and null means "remove": absent and null differ here.
        var date = request.ExpirationDate;
        if (date.ValueKind is JsonValueKind.Undefined)
        {
            return ApiErrors.BadRequest("expiration_date: is required (null removes it)");
        }

        if (date.ValueKind is not (JsonValueKind.Null or JsonValueKind.String))
        {
            return ApiErrors.BadRequest("expiration_date: must be a date in yyyy-MM-dd format or null");
        }

        return await grain.SetCredentialExpiration(date.ValueKind is JsonValueKind.Null ? null : date.GetString()).ToNoContent();
    }

    private static Task<IResult> ChangeUsername([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, CredentialRequest request, IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => Grain(grains, org, id).ChangeCredentialUsername(request).ToNoContent());

    private static Task<IResult> Delete(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "customer_id")] string customerId,
        [FromRoute(Name = "credential_id")] string credentialId,
        IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => Ids.With(credentialId, "credential_id", credential =>
            Grain(grains, org, id).DeleteCredential(credential).ToNoContent()));

    private static ICustomerCredentialsGrain Grain(IGrainFactory grains, string org, Guid id) =>
        grains.Ref<ICustomerCredentialsGrain>(GrainKeys.Customer(org, id));

    public sealed class ExpirationRequest
    {
        public JsonElement ExpirationDate { get; set; }
    }
}
