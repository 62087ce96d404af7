using System.Reflection;
using System.Text;
using Npgsql;

namespace Customers.Silo.Database;

/// <summary>
/// Applies the embedded, numbered migrations (<c>NNN_name.sql</c>) that the database has not seen,
/// each in its own transaction, under an advisory lock so silos starting together take turns.
/// A migration can carry a step in code, run after its SQL in the same transaction.
/// A migration whose first line is <see cref="WithoutTransactionMarker"/> runs its statements one at
/// a time instead, each committed on its own: what a transaction cannot hold, such as building an
/// index without stopping the writes of the silos already running. Each of its statements must be
/// safe to run again, since a crash can stop it anywhere before it is recorded.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    // Any fixed 64-bit number; every silo of every version must use the same one.
    private const long AdvisoryLockKey = 0x43_55_53_54_4F_4D_45_52;

    private static readonly TimeSpan LockRetryInterval = TimeSpan.FromMilliseconds(200);

    // A migration takes as long as its table needs (an index of a large log, minutes): the
    // connection string's command timeout is for requests, and one cut short here stops the silo.
    private const int NoTimeout = 0;

    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    private static readonly Dictionary<int, Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task>> CodeSteps = new()
    {
        [7] = IndexPseudonyms.RenameStoredRows,
    };

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await TakeMigrationLock(connection, cancellationToken);
        try
        {
            await Execute(connection, """
                CREATE TABLE IF NOT EXISTS customers_schema_migrations (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);

            var applied = await Applied(connection, cancellationToken);
            foreach (var migration in Embedded.Where(m => !applied.Contains(m.Version)))
            {
                if (!migration.InTransaction)
                {
                    await ApplyStatementByStatement(connection, migration, cancellationToken);
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var apply = new NpgsqlCommand(migration.Sql, connection, transaction) { CommandTimeout = NoTimeout })
                {
                    await apply.ExecuteNonQueryAsync(cancellationToken);
                }

                if (CodeSteps.TryGetValue(migration.Version, out var step))
                {
                    await step(connection, transaction, cancellationToken);
                }

                await RecordApplied(connection, transaction, migration, cancellationToken);

                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied schema migration {Version} {Name}", migration.Version, migration.Name);
            }
        }
        finally
        {
            await Execute(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    /// <summary>The embedded migrations the database has not recorded, for a silo that does not apply them itself.</summary>
    public async Task<IReadOnlyList<Migration>> MissingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('customers_schema_migrations') IS NOT NULL", connection);
        var applied = (bool)(await exists.ExecuteScalarAsync(cancellationToken))!
            ? await Applied(connection, cancellationToken)
            : [];
        return Embedded.Where(m => !applied.Contains(m.Version)).ToList();
    }

    private static async Task<HashSet<int>> Applied(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new HashSet<int>();
        await using var read = new NpgsqlCommand("SELECT version FROM customers_schema_migrations", connection);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetInt32(0));
        }

        return applied;
    }

    /// <summary>
    /// Tried again and again rather than waited for: a silo waiting inside a statement holds a
    /// snapshot, which an index built concurrently by the silo holding the lock would wait for in turn.
    /// </summary>
    private static async Task TakeMigrationLock(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({AdvisoryLockKey})", connection);
        while (!(bool)(await take.ExecuteScalarAsync(cancellationToken))!)
        {
            await Task.Delay(LockRetryInterval, cancellationToken);
        }
    }

    private async Task ApplyStatementByStatement(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        foreach (var statement in Statements(migration.Sql))
        {
            await Execute(connection, statement, cancellationToken);
        }

        await RecordApplied(connection, null, migration, cancellationToken);
        logger.LogInformation("Applied schema migration {Version} {Name}, statement by statement", migration.Version, migration.Name);
    }

    private static async Task RecordApplied(NpgsqlConnection connection, NpgsqlTransaction? transaction, Migration migration, CancellationToken cancellationToken)
    {
        await using var record = new NpgsqlCommand(
            "INSERT INTO customers_schema_migrations (version, name) VALUES (@version, @name)", connection, transaction);
        record.Parameters.AddWithValue("version", migration.Version);
        record.Parameters.AddWithValue("name", migration.Name);
        await record.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The statements of a migration run without a transaction: plain statements, each ending with a
    /// semicolon at the end of a line (no function bodies). One command each, since statements sent
    /// together would share an implicit transaction.
    /// </summary>
    internal static IEnumerable<string> Statements(string sql)
    {
        var current = new StringBuilder();
        foreach (var line in sql.Split('\n'))
        {
            var text = line.TrimEnd();
            if (text.TrimStart().StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            current.AppendLine(text);
            if (text.EndsWith(';'))
            {
                yield return current.ToString().Trim();
                current.Clear();
            }
        }

        if (current.ToString().Trim() is { Length: > 0 } rest)
        {
            yield return rest;
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = NoTimeout };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string prefix = "Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var fileName = n[prefix.Length..^4];
                var underscore = fileName.IndexOf('_');
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return new Migration(int.Parse(fileName[..underscore]), fileName[(underscore + 1)..], reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToList();
    }

    public const string WithoutTransactionMarker = "-- migrate: statement by statement, without a transaction";

    public sealed record Migration(int Version, string Name, string Sql)
    {
        public bool InTransaction { get; } = !Sql.StartsWith(WithoutTransactionMarker, StringComparison.Ordinal);
    }
}
