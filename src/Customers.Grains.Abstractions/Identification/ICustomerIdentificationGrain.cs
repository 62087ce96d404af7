namespace Customers;

/// <summary>
/// A customer's identification processes, each with one document. Key: <see cref="GrainKeys.Customer"/>;
/// the same activation as <see cref="ICustomerGrain"/>. The grain keeps the metadata; the bytes live in
/// the <see cref="IDocumentStore"/>.
/// </summary>
public interface ICustomerIdentificationGrain : IGrainWithStringKey
{
    Task<Outcome<IdentificationProcessCreated>> AddIdentificationProcess(IdentificationUpload upload);

    /// <summary>Newest process date first.</summary>
    Task<Outcome<List<IdentificationProcessSummary>>> ListIdentificationProcesses();

    Task<Outcome<IdentificationProcessView>> GetIdentificationProcess(Guid processId);
}
