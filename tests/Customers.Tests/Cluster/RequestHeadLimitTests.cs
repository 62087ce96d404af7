using System.Net;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Cluster;

/// <summary>
/// Through the real server (Kestrel, which the in-process host leaves out): a request line or headers
/// past the server's own defaults reach the API and get the envelope, not the server's empty refusal.
/// </summary>
[Collection(ProcessCollection.Name)]
public class RequestHeadLimitTests : IAsyncLifetime
{
    private SiloProcess _silo = null!;

    public async Task InitializeAsync() =>
        _silo = await SiloProcess.Start($"head-limits-{Guid.NewGuid():N}", TestDatabase.ConnectionString);

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task A_query_value_of_20000_characters_is_400_naming_the_parameter()
    {
        var response = await _silo.Client.GetAsync($"/v4/orgs/telco/customers/search?email={new string('a', 20_000)}%40example.com");

        var messages = await response.AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("email: "));
    }

    [Fact]
    public async Task An_api_key_header_of_40000_characters_is_401_in_the_envelope()
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_silo.HttpPort}") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v4/orgs/telco/customers/" + Guid.NewGuid());
        request.Headers.TryAddWithoutValidation("X-API-Key", new string('k', 40_000));

        var response = await client.SendAsync(request);

        await response.AssertError(HttpStatusCode.Unauthorized, "MCUS.999.996");
    }
}
