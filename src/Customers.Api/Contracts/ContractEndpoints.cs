using Customers.Api.Auth;
using Customers.Api.Http;
using Customers.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace Customers.Api.Contracts;

/// <summary>An account's contracts, addressed by the account's external id.</summary>
public static class ContractEndpoints
{
    private const string Tag = "Contracts";
    private const string About = "An account's contracts and the requests recorded on them, by the account's external id.";

    public static RouteGroupBuilder MapContractEndpoints(this RouteGroupBuilder org)
    {
        var contracts = org.MapResource("/external-accounts/{external_id}/contracts", Tag, About, "external-accounts");
        contracts.MapGet("", List)
            .Describe("listContracts", "List an account's contracts", "The account's contracts with their requests, oldest first.")
            .Produces<ContractsResponse>();
        contracts.MapGet("/active", Active)
            .Describe("getActiveContract", "Get the active contract", "The contract with no end_date (or one in the future).")
            .Produces<ContractView>();
        contracts.MapPost("/active/requests", AddRequest)
            .Describe("createContractRequest", "Add a request to the active contract", "Appends a request to the active contract; origin_user defaults to the API key's name.")
            .Answers(StatusCodes.Status409Conflict, "The request_external_id is already recorded on this account.")
            .Produces<ContractRequestView>(StatusCodes.Status201Created);
        return org;
    }

    private static Task<IResult> List([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "external_id")] string externalId, IGrainFactory grains) =>
        WithAccount(grains, org, externalId, account => account.GetContracts()
            .ToResult(contracts => JsonAnswer.Ok(new ContractsResponse(contracts))));

    private static Task<IResult> Active([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "external_id")] string externalId, IGrainFactory grains) =>
        WithAccount(grains, org, externalId, account => account.GetActiveContract().ToOk());

    private static Task<IResult> AddRequest(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "external_id")] string externalId,
        AddContractRequest request,
        IGrainFactory grains,
        HttpContext context) =>
        WithAccount(grains, org, externalId, account => account.AddContractRequest(request, ApiKeyMiddleware.CallerOf(context).Name)
            .ToResult(added => JsonAnswer.Created($"/v4/orgs/{org}/external-accounts/{externalId}/contracts/active", added)));

    /// <summary>What <paramref name="answer"/> makes of the account with this external id, or 404.</summary>
    private static async Task<IResult> WithAccount(IGrainFactory grains, string org, string externalId, Func<IAccountGrain, Task<IResult>> answer)
    {
        var found = ExternalIds.IsWellFormed(externalId) ? await grains.Ref<IAccountDirectoryGrain>(org).FindByExternalId(externalId) : null;
        return found is null
            ? ApiErrors.NotFound("account not found")
            : await answer(grains.Ref<IAccountGrain>(GrainKeys.Account(org, found.Id)));
    }

    public sealed record ContractsResponse(IReadOnlyList<ContractView> Contracts);
}
