namespace Customers;

/// <summary>
/// Look-ups of an org's accounts by their unique values. Key: the org. A stateless worker:
/// every silo answers locally and the indexes hold the truth.
/// </summary>
public interface IAccountDirectoryGrain : IGrainWithStringKey
{
    Task<AccountRef?> FindByExternalId(string externalId);

    /// <summary>Hands a tokenization result to the account that made the request; not found when no account did.</summary>
    Task<Outcome> RecordTokenizationResult(Guid referenceId, TokenizationResult result);
}
