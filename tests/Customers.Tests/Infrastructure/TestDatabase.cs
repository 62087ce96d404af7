using Npgsql;

namespace Customers.Tests.Infrastructure;

/// <summary>The real PostgreSQL the integration tests run against; ./test.sh starts it and sets the variable.</summary>
public static class TestDatabase
{
    public const string Variable = "CUSTOMERS_TEST_CONNECTION";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run the tests with ./test.sh, which starts PostgreSQL.");

    /// <summary>A count read from outside the service: <paramref name="sql"/> with positional parameters $1, $2, ….</summary>
    public static async Task<long> Count(string sql, params object[] arguments) => await CountIn(ConnectionString, sql, arguments);

    /// <inheritdoc cref="Count"/>
    public static async Task<long> CountIn(string connectionString, string sql, params object[] arguments)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var command = data.CreateCommand(sql);
        foreach (var argument in arguments)
        {
            command.Parameters.AddWithValue(argument);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A new, empty database on the test server; its connection string.</summary>
    public static async Task<string> CreateFresh(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using (var admin = NpgsqlDataSource.Create(ConnectionString))
        {
            await admin.CreateCommand($"CREATE DATABASE {name}").ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }
}
