using Customers.Grains.Validation;

namespace Customers.Grains.Accounts;

public sealed partial class AccountGrain
{
    public Task<Outcome<List<ContractView>>> GetContracts() =>
        Task.FromResult(Readable
            ? Outcome<List<ContractView>>.Success(S.Contracts.Select(ToView).ToList())
            : NotFound);

    public Task<Outcome<ContractView>> GetActiveContract() =>
        Task.FromResult(ActiveContract() is { } active
            ? Outcome<ContractView>.Success(ToView(active))
            : S.IsLive ? Outcome.NotFound("the account has no active contract") : NotFound);

    public async Task<Outcome<ContractRequestView>> AddContractRequest(AddContractRequest request, string actor)
    {
        if (!S.IsLive)
        {
            return NotFound;
        }

        request = AccountRules.Normalize(request);
        var violations = AccountRules.ValidateContractRequest(request);
        if (violations.Any)
        {
            return violations.ToOutcome();
        }

        if (ActiveContract() is not { } active)
        {
            return Outcome.NotFound("the account has no active contract");
        }

        if (S.Contracts.SelectMany(c => c.Requests).Any(r => r.RequestExternalId == request.RequestExternalId))
        {
            return Outcome.Conflict($"request_external_id {request.RequestExternalId} is already recorded on this account");
        }

        var snapshot = Snapshot();
        var now = Now;
        var added = new ContractRequestRecord
        {
            RequestExternalId = request.RequestExternalId!,
            CreateDate = now,
            ContractReferenceId = request.ContractReferenceId!,
            Type = request.Type!,
            OriginUser = request.OriginUser ?? actor,
        };
        active.Requests.Add(added);
        S.UpdatedAt = now;
        Record(EventTypes.ContractRequested, "contracts.requests");
        await WriteOrRevert(snapshot);
        return Outcome<ContractRequestView>.Success(ToView(added));
    }

    /// <summary>The contract with no end date, or one ending in the future.</summary>
    private ContractRecord? ActiveContract()
    {
        if (!S.IsLive)
        {
            return null;
        }

        var now = Now;
        return S.Contracts.LastOrDefault(c => c.StartDate <= now && (c.EndDate is null || c.EndDate > now));
    }

    private ContractView ToView(ContractRecord contract) => new()
    {
        Id = contract.Id,
        AccountExternalId = S.ExternalId,
        StartDate = contract.StartDate,
        EndDate = contract.EndDate,
        Requests = contract.Requests.Select(ToView).ToList(),
    };

    private static ContractRequestView ToView(ContractRequestRecord request) => new()
    {
        RequestExternalId = request.RequestExternalId,
        CreateDate = request.CreateDate,
        ContractReferenceId = request.ContractReferenceId,
        Type = request.Type,
        OriginUser = request.OriginUser,
    };
}
