using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Operations;

/// <summary>The dashboard and /metrics answer only keys with ops:read, as X-API-Key or as HTTP Basic (password = key).</summary>
[Collection(ApiCollection.Name)]
public partial class OperatorAccessTests(ApiHostFixture api)
{
    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/DashboardCounters")]
    [InlineData("/dashboard/no-such-page")]
    [InlineData("/metrics")]
    public async Task An_operator_page_without_credentials_is_401_with_a_Basic_challenge(string path)
    {
        var response = await api.Client(key: null).GetAsync(path);

        await response.AssertError(HttpStatusCode.Unauthorized, "MCUS.999.996");
        Assert.Equal("Basic realm=\"customers-ops\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/metrics")]
    public async Task An_operator_page_with_an_unknown_Basic_password_is_401(string path)
    {
        var client = api.Client(key: null);
        client.DefaultRequestHeaders.Authorization = Basic("ops", "not-a-key");

        await (await client.GetAsync(path)).AssertError(HttpStatusCode.Unauthorized, "MCUS.999.996");
    }

    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/no-such-page")]
    [InlineData("/metrics")]
    public async Task An_operator_page_with_a_key_lacking_ops_read_is_403(string path) =>
        await (await api.Client(TestKeys.CustomersReader).GetAsync(path)).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");

    [Fact]
    public async Task Metrics_are_scraped_with_the_key_as_Basic_password()
    {
        var scraper = api.Client(key: null);
        scraper.DefaultRequestHeaders.Authorization = Basic("prometheus", TestKeys.Operator);

        var response = await scraper.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("POST", "/metrics")]
    [InlineData("DELETE", "/metrics")]
    [InlineData("POST", "/health/live")]
    [InlineData("PUT", "/health/ready")]
    public async Task Health_and_metrics_answer_another_method_than_GET_with_405(string method, string path) =>
        await (await api.Client(TestKeys.Operator).SendAsync(new HttpRequestMessage(new HttpMethod(method), path)))
            .AssertError(HttpStatusCode.MethodNotAllowed, "MCUS.999.993");

    [Fact]
    public async Task A_key_with_every_permission_opens_the_dashboard_as_X_API_Key() =>
        Assert.Equal(HttpStatusCode.OK, (await api.Client(TestKeys.Admin).GetAsync("/dashboard/")).StatusCode);

    /// <summary>What a browser does once the challenge made it ask: the page, what it links, and the data calls its script makes.</summary>
    [Fact]
    public async Task The_dashboard_page_its_assets_and_its_data_calls_work_with_Basic_credentials()
    {
        var browser = api.Client(key: null);
        browser.DefaultRequestHeaders.Authorization = Basic("operator", TestKeys.Operator);

        var page = await browser.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var linked = Linked().Matches(html).Select(m => m.Groups["url"].Value).Where(u => !u.StartsWith("http", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(linked);
        foreach (var asset in linked)
        {
            var response = await browser.GetAsync(new Uri(new Uri("http://localhost/dashboard/"), asset));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
        }

        foreach (var data in new[] { "/dashboard/version", "/dashboard/DashboardCounters" })
        {
            var response = await browser.GetAsync(data);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{data}: {(int)response.StatusCode}");
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task Health_the_OpenAPI_document_and_Swagger_UI_stay_open()
    {
        var anonymous = api.Client(key: null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/swagger/v1/swagger.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/swagger/index.html")).StatusCode);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    [GeneratedRegex("""(?:src|href)="(?<url>[^"#?]+)""")]
    private static partial Regex Linked();
}
