using Npgsql;
using NpgsqlTypes;

namespace Customers.Silo.Documents;

/// <summary>Document bytes in the <c>customer_documents</c> table (migration 005).</summary>
public sealed class PostgresDocumentStore(NpgsqlDataSource dataSource) : IDocumentStore
{
    public async Task SaveAsync(StoredDocument document, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO customer_documents (org, document_id, customer_id, media_type, name, size_bytes, content)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = document.Org });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = document.Id });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = document.CustomerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = document.MediaType });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = document.Name });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = document.Content.Length });
        command.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>> { TypedValue = document.Content, NpgsqlDbType = NpgsqlDbType.Bytea });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<StoredDocument?> FindAsync(string org, Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT customer_id, media_type, name, content FROM customer_documents WHERE org = $1 AND document_id = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = org });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = documentId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredDocument(
            org,
            documentId,
            reader.GetGuid(0),
            reader.GetString(1),
            reader.GetString(2),
            await reader.GetFieldValueAsync<byte[]>(3, cancellationToken));
    }

    public async Task DeleteAsync(string org, Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM customer_documents WHERE org = $1 AND document_id = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = org });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = documentId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal const string DeleteOfCustomerSql = "DELETE FROM customer_documents WHERE org = $1 AND customer_id = $2";

    public async Task DeleteCustomerDocumentsAsync(string org, Guid customerId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(DeleteOfCustomerSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = org });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = customerId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
