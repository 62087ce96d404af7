using Npgsql;

namespace Customers.Silo.Database;

public static class Connections
{
    /// <summary>
    /// The providers send the same few statement texts unprepared, so PostgreSQL would parse and plan
    /// each call again: Npgsql prepares a text on a connection once it has run twice there. A pooled
    /// connection is handed back without the reset round (six statements per return) because
    /// nothing here leaves session state behind: settings, temporary tables and listeners are never
    /// used, and the one session-level advisory lock (schema migration) is released explicitly.
    /// </summary>
    public static string ForProviders(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString)
    {
        MaxAutoPrepare = Math.Max(new NpgsqlConnectionStringBuilder(connectionString).MaxAutoPrepare, 64),
        AutoPrepareMinUsages = 2,
        NoResetOnClose = true,
    }.ConnectionString;
}
