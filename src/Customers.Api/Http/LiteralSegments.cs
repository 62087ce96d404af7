using Customers.Api.Auth;

namespace Customers.Api.Http;

public static class LiteralSegments
{
    private static readonly string[] Writes = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    /// <summary>
    /// A literal segment beside a parameter (<c>/customers/search</c> beside <c>/customers/{customer_id}</c>)
    /// also matches the parameter's routes, so <c>PATCH /customers/search</c> would reach the customer
    /// patch and be refused for its id. Mapped on the literal path, the methods it does not serve get
    /// the 405 that any known route gives a wrong method, before any key is asked for, as that one is.
    /// </summary>
    public static void ServesOnly(this IEndpointRouteBuilder routes, string pattern, params string[] methods)
    {
        var allowed = string.Join(", ", methods);
        routes.MapMethods(pattern, [.. Writes.Except(methods)], (HttpContext context) =>
            {
                context.Response.Headers.Allow = allowed;
                return ApiErrors.MethodNotAllowed();
            })
            .ExcludeFromDescription()
            .NeedsNoKey();
    }
}
