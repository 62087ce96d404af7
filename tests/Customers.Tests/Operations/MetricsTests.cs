using System.Net;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Operations;

[Collection(ApiCollection.Name)]
public class MetricsTests(ApiHostFixture api)
{
    [Fact]
    public async Task Metrics_from_ASP_NET_Core_Orleans_and_Npgsql_are_exported_in_Prometheus_format()
    {
        var client = api.Client();
        await (await client.PostJson("/v4/orgs/telco/customers", Bodies.Private())).AssertStatus(HttpStatusCode.Created);

        string text = "";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var response = await api.Client(TestKeys.Operator).GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
            if (text.Contains("http_server_request_duration_seconds") && text.Contains("orleans_") && text.Contains("db_client_"))
            {
                break;
            }

            await Task.Delay(500);
        }

        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text);
        Assert.Contains("orleans_", text);
        Assert.Contains("db_client_", text);
    }
}
