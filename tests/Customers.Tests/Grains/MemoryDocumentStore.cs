using System.Collections.Concurrent;

namespace Customers.Tests.Grains;

/// <summary>Document bytes in memory, for the grain-rule cluster only; the service's tests use PostgreSQL.</summary>
public sealed class MemoryDocumentStore : IDocumentStore
{
    private readonly ConcurrentDictionary<(string Org, Guid Id), StoredDocument> _documents = new();

    public Task SaveAsync(StoredDocument document, CancellationToken cancellationToken = default)
    {
        _documents[(document.Org, document.Id)] = document;
        return Task.CompletedTask;
    }

    public Task<StoredDocument?> FindAsync(string org, Guid documentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_documents.GetValueOrDefault((org, documentId)));

    public Task DeleteAsync(string org, Guid documentId, CancellationToken cancellationToken = default)
    {
        _documents.TryRemove((org, documentId), out _);
        return Task.CompletedTask;
    }

    public Task DeleteCustomerDocumentsAsync(string org, Guid customerId, CancellationToken cancellationToken = default)
    {
        foreach (var key in _documents.Where(d => d.Value.CustomerId == customerId && d.Key.Org == org).Select(d => d.Key))
        {
            _documents.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }
}
