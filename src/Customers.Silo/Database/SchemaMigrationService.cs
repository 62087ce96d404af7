using Customers.Grains.Indexing;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Customers.Silo.Database;

/// <summary>
/// Runs the migrations before any hosted service starts (Orleans' providers read their queries from
/// the schema), then hands the grains the deployment's index secret.
/// </summary>
public sealed class SchemaMigrationService(
    SchemaMigrator migrator,
    NpgsqlDataSource dataSource,
    IndexKeys indexKeys,
    IOptions<DatabaseOptions> options) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ApplySchema)
        {
            await migrator.ApplyAsync(cancellationToken);
        }
        else if (await migrator.MissingAsync(cancellationToken) is { Count: > 0 } missing)
        {
            // Checked before anything reads the schema: a silo that started on an older one would
            // fail later, request by request, at whatever the missing migrations hold.
            throw new SchemaBehindException(missing);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        indexKeys.Use(await IndexPseudonyms.ReadSecret(connection, null, cancellationToken));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public bool ApplySchema { get; set; } = true;

    /// <summary>Connections one silo keeps open to PostgreSQL, in its one pool (see <see cref="Connections.ForSilo"/>).</summary>
    public int MaxPoolSize { get; set; } = 16;
}
