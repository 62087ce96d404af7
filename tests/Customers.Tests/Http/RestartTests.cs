using System.Net;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http;

public class RestartTests
{
    [Fact]
    public async Task A_customer_written_before_a_restart_reads_back_identical_after_it()
    {
        var serviceId = $"restart-{Guid.NewGuid():N}";
        string id;
        string before;
        await using (var first = new ServiceHost(serviceId))
        {
            var client = first.ClientWithKey();
            var created = await (await client.PostJson("/v4/orgs/telco/customers", Bodies.Corporate())).AssertStatus(HttpStatusCode.Created);
            id = (string)created["id"]!;
            await (await client.PutJson($"/v4/orgs/telco/customers/{id}/associated_users", Bodies.AssociatedUsers())).AssertStatus(HttpStatusCode.NoContent);
            before = await (await client.GetAsync($"/v4/orgs/telco/customers/{id}")).Content.ReadAsStringAsync();
        }

        await using var second = new ServiceHost(serviceId);
        var after = await second.ClientWithKey().GetAsync($"/v4/orgs/telco/customers/{id}");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(before, await after.Content.ReadAsStringAsync());
    }
}
