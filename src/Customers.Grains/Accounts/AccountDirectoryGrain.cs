using Customers.Grains.Indexing;
using Orleans.Concurrency;

namespace Customers.Grains.Accounts;

[StatelessWorker]
public sealed class AccountDirectoryGrain(IndexKeys keys, IndexOwnerHints hints) : Grain, IAccountDirectoryGrain
{
    private string Org => this.GetPrimaryKeyString();

    public Task<AccountRef?> FindByExternalId(string externalId) =>
        IndexOwners.FindAccount(GrainFactory, keys, hints, Org, IndexKinds.AccountExternalId, externalId.Trim());

    public async Task<Outcome> RecordTokenizationResult(Guid referenceId, TokenizationResult result)
    {
        var owner = await IndexOwners.FindAccount(GrainFactory, keys, hints, Org, IndexKinds.TokenizationReference, referenceId.ToString("D"));
        return owner is null
            ? Outcome.NotFound("tokenization request not found")
            : await GrainFactory.Ref<IAccountGrain>(GrainKeys.Account(Org, owner.Id)).RecordTokenizationResult(referenceId, result);
    }
}
