using Customers.Api.Auth;
using Customers.Api.Events;
using Customers.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Customers.Tests.Http.Events;

/// <summary>What the front door puts in the Orleans request context of a request's grain calls.</summary>
public class ActorContextTests
{
    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task A_change_carries_the_key_s_name_as_its_actor(string method) =>
        Assert.Equal(TestKeys.AdminName, await ActorSeenByTheEndpoint(method));

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task A_read_carries_no_actor(string method) =>
        Assert.Null(await ActorSeenByTheEndpoint(method));

    /// <summary>The key check and the actor middleware as the pipeline runs them, then the endpoint's view of the context.</summary>
    private static async Task<object?> ActorSeenByTheEndpoint(string method)
    {
        RequestContext.Clear();
        object? seen = "not reached";
        var actor = new ActorContextMiddleware(_ =>
        {
            seen = RequestContext.Get(EventActorKeys.FrontDoor);
            return Task.CompletedTask;
        });
        var ring = new ApiKeyRing(
            Options.Create(new ApiKeyOptions { ApiKeys = [new ApiKeyEntry { Name = TestKeys.AdminName, Key = TestKeys.Admin, Orgs = ["*"], Permissions = ["*"] }] }),
            new DevelopmentKey(NullLogger<DevelopmentKey>.Instance));
        var keyCheck = new ApiKeyMiddleware(actor.InvokeAsync, ring);
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Headers[ApiKeyMiddleware.HeaderName] = TestKeys.Admin;
        context.Request.RouteValues["org_id"] = TestKeys.Org;
        context.SetEndpoint(new RouteEndpoint(
            _ => Task.CompletedTask,
            RoutePatternFactory.Parse("/v4/orgs/{org_id}/customers"),
            0,
            new EndpointMetadataCollection(new ResourcePermission("customers")),
            "customers"));

        await keyCheck.InvokeAsync(context);

        RequestContext.Clear();
        return seen;
    }
}
