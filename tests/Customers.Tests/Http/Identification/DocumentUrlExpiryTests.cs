using System.Net;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Identification;

public class DocumentUrlExpiryTests
{
    [Fact]
    public async Task A_public_url_past_Documents_UrlTtl_is_403()
    {
        await using var host = new ServiceHost(settings: [new("Documents:UrlTtl", "00:00:03")]);
        var client = host.ClientWithKey();
        var customer = (string)(await (await client.PostJson("/v4/orgs/telco/customers", Bodies.Private())).AssertStatus(HttpStatusCode.Created))["id"]!;
        var processes = $"/v4/orgs/telco/customers/{customer}/identification-processes";
        var process = (string)(await (await client.PostAsync(processes, Documents.Form(Documents.Pdf()))).AssertStatus(HttpStatusCode.Created))["process_id"]!;
        var url = (string)(await (await client.GetAsync($"{processes}/{process}")).AssertStatus(HttpStatusCode.OK))["document"]!["public_url"]!;
        var anonymous = host.ClientWithKey(key: null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url)).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(4.5));

        await (await anonymous.GetAsync(url)).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
    }
}
