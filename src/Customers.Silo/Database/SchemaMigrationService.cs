using Microsoft.Extensions.Options;

namespace Customers.Silo.Database;

/// <summary>Runs the migrations before any hosted service starts: Orleans' providers read their queries from the schema.</summary>
public sealed class SchemaMigrationService(SchemaMigrator migrator, IOptions<DatabaseOptions> options) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) =>
        options.Value.ApplySchema ? migrator.ApplyAsync(cancellationToken) : Task.CompletedTask;

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

    /// <summary>Connections one silo keeps open to PostgreSQL, per pool (see <see cref="Connections.ForProviders"/>).</summary>
    public int MaxPoolSize { get; set; } = 16;
}
