using System.Net;
using Customers.Tests.Infrastructure;
using Npgsql;

namespace Customers.Tests.Silo;

public sealed class SiloPoolTests
{
    [Fact]
    public async Task A_stopped_silo_leaves_no_connection_open_on_the_server()
    {
        var name = UniqueApplicationName();
        await using (var host = Host(name, maxPoolSize: 16))
        {
            await (await host.ClientWithKey().PostJson("/v4/orgs/telco/customers", Bodies.Private())).AssertStatus(HttpStatusCode.Created);
            Assert.True(await OpenConnections(name) > 0);
        }

        Assert.Equal(0, await OpenConnections(name));
    }

    [Fact]
    public async Task Storage_events_and_feeds_together_open_no_more_connections_than_the_pool_size()
    {
        const int poolSize = 2;
        var name = UniqueApplicationName();
        await using var host = Host(name, poolSize);
        var client = host.ClientWithKey();

        // Creations (grain storage), their events (the log and its positioning) and feed reads at once.
        var work = Enumerable.Range(0, 12).Select(async _ =>
        {
            var created = await client.PostJson("/v4/orgs/telco/customers", Bodies.Private());
            await created.AssertStatus(HttpStatusCode.Created);
            await (await client.GetAsync("/v4/orgs/telco/events")).AssertStatus(HttpStatusCode.OK);
        });
        await Task.WhenAll(work);

        var open = await OpenConnections(name);
        Assert.InRange(open, 1, poolSize);
    }

    private static ServiceHost Host(string applicationName, int maxPoolSize) => new(settings:
    [
        new("ConnectionStrings:Customers", new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { ApplicationName = applicationName }.ConnectionString),
        new("Database:MaxPoolSize", maxPoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ]);

    private static string UniqueApplicationName() => $"silo-pool-{Guid.NewGuid():N}"[..40];

    private static Task<long> OpenConnections(string applicationName) =>
        TestDatabase.Count("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", applicationName);
}
