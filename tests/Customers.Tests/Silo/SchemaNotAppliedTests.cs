using System.Net;
using Customers.Silo.Database;
using Customers.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Customers.Tests.Silo;

/// <summary>
/// A silo started with <c>Database__ApplySchema=false</c> leaves the schema to someone else: it starts
/// on a database that has every migration it knows, and refuses one that lacks any, at start, in one line.
/// </summary>
public sealed class SchemaNotAppliedTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task On_an_empty_database_the_silo_exits_with_code_1_and_one_line_naming_Database__ApplySchema()
    {
        var (exitCode, output) = await SiloProcess.RunExpectingExit(Settings(await TestDatabase.CreateFresh("schema_off")), Timeout);

        Assert.Equal(1, exitCode);
        Assert.Single(output, line => line.StartsWith("Database__ApplySchema is false", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_a_database_missing_its_latest_migration_the_silo_exits_naming_that_migration()
    {
        var connectionString = await Migrated();
        await using (var data = NpgsqlDataSource.Create(connectionString))
        {
            await data.CreateCommand($"DELETE FROM customers_schema_migrations WHERE version = {Latest.Version}").ExecuteNonQueryAsync();
        }

        var (exitCode, output) = await SiloProcess.RunExpectingExit(Settings(connectionString), Timeout);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output, line => line.StartsWith("Database__ApplySchema is false", StringComparison.Ordinal));
        Assert.Contains($"{Latest.Version:D3}_{Latest.Name}", line, StringComparison.Ordinal);
        Assert.Contains("1 of this silo's schema migrations", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_database_with_every_migration_the_silo_starts_and_serves_without_applying_any()
    {
        var connectionString = await Migrated();

        await using var silo = await SiloProcess.Start(
            $"schema-off-{Guid.NewGuid():N}",
            connectionString,
            new Dictionary<string, string> { ["Database__ApplySchema"] = "false" });
        var created = await silo.Client.PostJson($"/v4/orgs/{TestKeys.Org}/customers", Bodies.Digital());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    private static SchemaMigrator.Migration Latest => SchemaMigrator.Embedded[^1];

    private static async Task<string> Migrated()
    {
        var connectionString = await TestDatabase.CreateFresh("schema_off");
        await using var data = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(data, NullLogger<SchemaMigrator>.Instance).ApplyAsync(CancellationToken.None);
        return connectionString;
    }

    /// <summary>What a deployment outside Development sets, and the schema left to someone else.</summary>
    private static Dictionary<string, string> Settings(string connectionString)
    {
        var settings = SiloProcess.Settings($"schema-off-{Guid.NewGuid():N}", connectionString, FreePorts.Next());
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        settings["Database__ApplySchema"] = "false";
        return settings;
    }
}
