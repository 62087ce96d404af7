using System.Net;
using Customers.Tests.Infrastructure;
using Npgsql;

namespace Customers.Tests.Cluster;

[Collection(ProcessCollection.Name)]
public class GracefulShutdownTests
{
    [Fact]
    public async Task On_SIGTERM_no_request_in_flight_gets_a_5xx_and_the_silo_leaves_the_membership_table()
    {
        var clusterId = $"sigterm-{Guid.NewGuid():N}";
        await using var stays = await SiloProcess.Start(clusterId, TestDatabase.ConnectionString);
        await using var leaves = await SiloProcess.Start(clusterId, TestDatabase.ConnectionString);

        var statuses = new System.Collections.Concurrent.ConcurrentBag<int>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 8).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var response = await leaves.Client.PostJson("/v4/orgs/telco/customers", Bodies.Private());
                    statuses.Add((int)response.StatusCode);
                }
                catch (HttpRequestException)
                {
                    // Refused or closed connections are how a stopping server says no; they are not answers.
                }
                catch (TaskCanceledException)
                {
                }
            }
        }).ToList();

        await Task.Delay(1500);
        leaves.Terminate();
        await leaves.WaitForExit(TimeSpan.FromSeconds(60));
        stop.Cancel();
        await Task.WhenAll(load);

        Assert.NotEmpty(statuses);
        Assert.DoesNotContain(statuses, s => s >= 500);
        Assert.Equal(0, leaves.ExitCode);

        await using var data = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        await using var command = data.CreateCommand("SELECT status FROM orleansmembership WHERE deploymentid = @cluster ORDER BY status");
        command.Parameters.AddWithValue("cluster", clusterId);
        var memberStatuses = new List<int>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                memberStatuses.Add(reader.GetInt32(0));
            }
        }

        Assert.Equal([3, 6], memberStatuses);
    }
}
