using Microsoft.AspNetCore.Routing;

namespace Customers.Api.Http;

public static class GetOnlyEndpoints
{
    /// <summary>
    /// Limits an endpoint mapped for every method (health checks, the scrape) to GET and HEAD, so
    /// another method gets the contract's 405 like any known route.
    /// </summary>
    public static TBuilder GetOnly<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
}
