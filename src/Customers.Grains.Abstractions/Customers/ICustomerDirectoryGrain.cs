namespace Customers;

/// <summary>
/// Look-ups of an org's customers by their unique values. Key: the org. A stateless worker:
/// every silo answers locally and the indexes hold the truth.
/// </summary>
public interface ICustomerDirectoryGrain : IGrainWithStringKey
{
    /// <summary>By identity document (taken as given, no control check) and/or login e-mail; both must match one customer.</summary>
    Task<Outcome<CustomerRef>> Search(string? identityDocument, string? identityDocumentType, string? email);

    Task<CustomerRef?> FindByExternalId(string externalId);
}
