using Customers.Api.Auth;
using Customers.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Customers.Tests.Operations;

/// <summary>
/// The key check guards every routed endpoint unless the endpoint says it is open, so an endpoint
/// added without any access metadata is closed, not public.
/// </summary>
public class DenyByDefaultTests
{
    [Fact]
    public async Task An_endpoint_without_access_metadata_is_401_without_a_key()
    {
        var (context, reached) = await Call(Endpoint(), key: null);

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        Assert.False(reached());
    }

    [Fact]
    public async Task An_endpoint_without_access_metadata_is_403_for_a_key_without_every_permission()
    {
        var (context, reached) = await Call(Endpoint(), TestKeys.CustomersReader);

        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
        Assert.False(reached());
    }

    [Fact]
    public async Task An_endpoint_marked_open_is_reached_without_a_key()
    {
        var (_, reached) = await Call(Endpoint(OpenEndpoint.Instance), key: null);

        Assert.True(reached());
    }

    private static RouteEndpoint Endpoint(params object[] metadata) =>
        new(_ => Task.CompletedTask, RoutePatternFactory.Parse("/anything"), 0, new EndpointMetadataCollection(metadata), "test endpoint");

    private static async Task<(HttpContext Context, Func<bool> Reached)> Call(Endpoint endpoint, string? key)
    {
        var services = new ServiceCollection().AddLogging().AddOptions().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        context.SetEndpoint(endpoint);
        if (key is not null)
        {
            context.Request.Headers[ApiKeyMiddleware.HeaderName] = key;
        }

        var reached = false;
        var options = Options.Create(new ApiKeyOptions
        {
            ApiKeys = [
                new ApiKeyEntry { Name = "admin", Key = TestKeys.Admin, Orgs = ["*"], Permissions = ["*"] },
                new ApiKeyEntry { Name = "reader", Key = TestKeys.CustomersReader, Orgs = ["telco"], Permissions = ["customers:read"] },
            ],
        });
        var ring = new ApiKeyRing(options, new DevelopmentKey(NullLogger<DevelopmentKey>.Instance));
        var middleware = new ApiKeyMiddleware(_ => { reached = true; return Task.CompletedTask; }, ring);

        await middleware.InvokeAsync(context);
        return (context, () => reached);
    }
}
