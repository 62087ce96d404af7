using Npgsql;

namespace Customers.Silo.Database;

/// <summary>
/// The ADO.NET providers open their connections from Npgsql's process-wide pool for their connection
/// string, which outlives the host: without this, a stopped silo's idle connections would stay open
/// on the server until pruned minutes later, and a process that starts silos one after another (a
/// restart in place, a test run) would fill the server's connection slots with them.
/// </summary>
public sealed class ProviderPoolRelease(IHostApplicationLifetime lifetime, string connectionString) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // After every hosted service, the silo included, has stopped: nothing draws on the pool any more.
        lifetime.ApplicationStopped.Register(() =>
        {
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
