using Npgsql;

namespace Customers.Tests.Infrastructure;

/// <summary>
/// The plan PostgreSQL makes for a statement of the service, with sequential scans priced out for
/// the session: a plan that still holds one has no index to use.
/// </summary>
public static class QueryPlans
{
    public static async Task<string> Explain(NpgsqlDataSource data, string sql, Action<NpgsqlParameterCollection> bind)
    {
        await using var connection = await data.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var off = new NpgsqlCommand("SET LOCAL enable_seqscan = off", connection, transaction))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection, transaction);
        bind(explain.Parameters);
        await using var reader = await explain.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    /// <summary>Refreshes the planner's statistics of <paramref name="table"/> after a test filled it.</summary>
    public static async Task Analyze(NpgsqlDataSource data, string table)
    {
        await using var analyze = data.CreateCommand($"ANALYZE {table}");
        await analyze.ExecuteNonQueryAsync();
    }
}
