using System.Net;
using Customers.Tests.Infrastructure;
using Npgsql;

namespace Customers.Tests.Http;

public class DatabaseOutageTests
{
    [Fact]
    public async Task A_request_that_needs_an_unreachable_database_is_503_MCUS_001_005()
    {
        var target = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString);
        await using var proxy = new TcpProxy(target.Host!, target.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString)
        {
            Host = "127.0.0.1",
            Port = proxy.Port,
        };
        var host = new ServiceHost(settings:
        [
            new("ConnectionStrings:Customers", viaProxy.ConnectionString),
            new("shutdownTimeoutSeconds", "5"),
        ]);
        try
        {
            var client = host.ClientWithKey();
            await (await client.PostJson("/v4/orgs/telco/customers", Bodies.Private())).AssertStatus(HttpStatusCode.Created);

            proxy.Cut();
            NpgsqlConnection.ClearAllPools();
            var response = await client.PostJson("/v4/orgs/telco/customers", Bodies.Private());

            var messages = await response.AssertError(HttpStatusCode.ServiceUnavailable, "MCUS.001.005");
            Assert.DoesNotContain(messages, m => m.Contains(" at ", StringComparison.Ordinal));
        }
        finally
        {
            await StopWithoutDatabase(host);
        }
    }

    /// <summary>A silo cannot leave the membership table cleanly without its database; that stop is expected to time out.</summary>
    private static async Task StopWithoutDatabase(ServiceHost host)
    {
        try
        {
            await host.DisposeAsync();
        }
        catch (OperationCanceledException)
        {
        }
    }
}
