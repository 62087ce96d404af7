using System.Net;
using Customers.Silo.Hosting;
using Customers.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Customers.Tests.Operations;

/// <summary>The dashboard's routes and assets are loaded when an operator first opens it, not at start.</summary>
public sealed class DashboardOnFirstUseTests
{
    [Fact]
    public async Task Serving_the_API_leaves_the_dashboard_unloaded_until_an_operator_opens_it()
    {
        await using var host = new ServiceHost();
        var client = host.ClientWithKey(TestKeys.Admin);
        await (await client.PostJson("/v4/orgs/telco/customers", Bodies.Private())).AssertStatus(HttpStatusCode.Created);
        var openings = host.Services.GetRequiredService<DashboardOpenings>();
        Assert.False(openings.Opened);

        var page = await client.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(openings.Opened);
    }

    [Fact]
    public async Task The_dashboard_without_its_trailing_slash_redirects_to_its_folder()
    {
        await using var host = new ServiceHost();
        var client = host.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-API-Key", TestKeys.Operator);

        var response = await client.GetAsync("/dashboard?tab=grains");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/dashboard/?tab=grains", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_path_under_the_dashboard_that_it_does_not_serve_is_404()
    {
        await using var host = new ServiceHost();

        var response = await host.ClientWithKey(TestKeys.Operator).GetAsync("/dashboard/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
