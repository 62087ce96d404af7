using System.Net;
using Customers.Tests.Infrastructure;
using Npgsql;

namespace Customers.Tests.Silo;

public sealed class ProviderPoolReleaseTests
{
    [Fact]
    public async Task A_stopped_silo_leaves_no_connection_open_on_the_server()
    {
        var name = $"pool-release-{Guid.NewGuid():N}"[..40];
        var connectionString = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { ApplicationName = name }.ConnectionString;
        await using (var host = new ServiceHost(settings: [new("ConnectionStrings:Customers", connectionString)]))
        {
            await (await host.ClientWithKey().PostJson("/v4/orgs/telco/customers", Bodies.Private())).AssertStatus(HttpStatusCode.Created);
            Assert.True(await OpenConnections(name) > 0);
        }

        Assert.Equal(0, await OpenConnections(name));
    }

    private static Task<long> OpenConnections(string applicationName) =>
        TestDatabase.Count("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", applicationName);
}
