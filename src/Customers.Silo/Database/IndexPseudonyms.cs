using Customers.Grains.Indexing;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;

namespace Customers.Silo.Database;

/// <summary>The deployment's index secret (migration 007), and the renaming of index rows stored under their value.</summary>
public static class IndexPseudonyms
{
    private const string SecretName = "index-keys";

    public static async Task<byte[]> ReadSecret(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand("SELECT value FROM customers_secrets WHERE name = $1", connection, transaction);
        read.Parameters.AddWithValue(SecretName);
        return await read.ExecuteScalarAsync(cancellationToken) as byte[]
            ?? throw new InvalidOperationException("The database holds no index secret: its schema is older than this silo (Database__ApplySchema=false?).");
    }

    /// <summary>
    /// Gives every index row keyed by its value (<c>org/kind/value</c>) its pseudonym's key instead,
    /// in the migration's transaction, so no silo ever sees half of them renamed. The grain id hash
    /// column moves with it: a 32-bit hash of an eight-digit document number names it as surely.
    /// </summary>
    public static async Task RenameStoredRows(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        using var keys = new IndexKeys(await ReadSecret(connection, transaction, cancellationToken));
        var hasher = new OrleansDefaultHasher();
        var renames = new List<(string Service, string From, string To, int Hash)>();
        // 'index' is the state name the index grain stores under (UniqueIndexGrain's PersistentState).
        await using (var read = new NpgsqlCommand(
            "SELECT serviceid, grainidextensionstring FROM orleansstorage WHERE graintypestring = 'index' AND grainidn0 = 0 AND grainidn1 = 0 AND grainidextensionstring IS NOT NULL",
            connection,
            transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var from = reader.GetString(1);
                if (!GrainKeys.TryParseIndex(from, out var org, out var kind, out var value))
                {
                    continue;
                }

                var to = keys.For(org, kind, value);
                renames.Add((reader.GetString(0), from, to, hasher.Hash(System.Text.Encoding.UTF8.GetBytes(to))));
            }
        }

        if (renames.Count == 0)
        {
            return;
        }

        await using (var create = new NpgsqlCommand(
            "CREATE TEMPORARY TABLE index_renames (serviceid text, from_key text, to_key text, to_hash integer) ON COMMIT DROP", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var import = await connection.BeginBinaryImportAsync("COPY index_renames FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (service, from, to, hash) in renames)
            {
                await import.StartRowAsync(cancellationToken);
                await import.WriteAsync(service, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(from, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(to, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(hash, NpgsqlDbType.Integer, cancellationToken);
            }

            await import.CompleteAsync(cancellationToken);
        }

        await using var rename = new NpgsqlCommand("""
            UPDATE orleansstorage s
            SET grainidextensionstring = r.to_key, grainidhash = r.to_hash
            FROM index_renames r
            WHERE s.serviceid = r.serviceid AND s.graintypestring = 'index' AND s.grainidn0 = 0 AND s.grainidn1 = 0
              AND s.grainidextensionstring = r.from_key
            """, connection, transaction);
        await rename.ExecuteNonQueryAsync(cancellationToken);
    }
}
