namespace Customers;

/// <summary>
/// Durable storage of document bytes, per org. Kept out of grain state: a grain's state is read and
/// written whole, and documents are megabytes.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Completes once the document is committed.</summary>
    Task SaveAsync(StoredDocument document, CancellationToken cancellationToken = default);

    Task<StoredDocument?> FindAsync(string org, Guid documentId, CancellationToken cancellationToken = default);

    Task DeleteAsync(string org, Guid documentId, CancellationToken cancellationToken = default);

    /// <summary>Deletes every document of the customer, listed by its grain or not.</summary>
    Task DeleteCustomerDocumentsAsync(string org, Guid customerId, CancellationToken cancellationToken = default);
}

public sealed record StoredDocument(string Org, Guid Id, Guid CustomerId, string MediaType, string Name, ReadOnlyMemory<byte> Content);
