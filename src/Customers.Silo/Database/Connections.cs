using Npgsql;

namespace Customers.Silo.Database;

public static class Connections
{
    /// <summary>
    /// The providers send the same few statement texts unprepared, so PostgreSQL parses and plans
    /// each call again. Npgsql prepares a text on a connection once it has run twice there.
    /// </summary>
    public static string Prepared(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString)
    {
        MaxAutoPrepare = Math.Max(new NpgsqlConnectionStringBuilder(connectionString).MaxAutoPrepare, 64),
        AutoPrepareMinUsages = 2,
    }.ConnectionString;
}
