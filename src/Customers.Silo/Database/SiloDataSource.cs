using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace Customers.Silo.Database;

/// <summary>
/// Points Orleans' ADO.NET providers at the silo's one <see cref="NpgsqlDataSource"/>, the pool the
/// project's own statements use too (see <see cref="Connections.ForSilo"/>).
/// </summary>
public static class SiloDataSource
{
    /// <summary>The ADO.NET name Orleans loads Npgsql's factory by.</summary>
    private const string Invariant = "Npgsql";

    public static void OnSiloDataSource(this OptionsBuilder<AdoNetClusteringSiloOptions> options) =>
        options.Configure<NpgsqlDataSource>((o, dataSource) => (o.Invariant, o.DataSource) = (Invariant, dataSource));

    public static void OnSiloDataSource(this OptionsBuilder<AdoNetReminderTableOptions> options) =>
        options.Configure<NpgsqlDataSource>((o, dataSource) => (o.Invariant, o.DataSource) = (Invariant, dataSource));

    public static void OnSiloDataSource(this OptionsBuilder<AdoNetGrainStorageOptions> options, Action<AdoNetGrainStorageOptions>? configure = null) =>
        options.Configure<NpgsqlDataSource>((o, dataSource) =>
        {
            (o.Invariant, o.DataSource) = (Invariant, dataSource);
            configure?.Invoke(o);
        });
}
