using Customers.Api.Http;

namespace Customers.Api.Auth;

/// <summary>
/// Denies by default: every routed endpoint needs a key unless it is marked open. Runs after routing
/// and before the endpoint binds its body, so an unauthenticated caller gets 401 rather than a
/// validation answer about a body it was never allowed to send.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyRing keys)
{
    public const string HeaderName = "X-API-Key";
    public const string OpsRealm = "Basic realm=\"customers-ops\"";
    private const string CallerItem = "customers.caller";

    public Task InvokeAsync(HttpContext context)
    {
        // No route matched (404) or the method did not (405): nothing is served, so there is nothing to guard.
        var endpoint = context.GetEndpoint();
        if (endpoint is not RouteEndpoint || endpoint.Metadata.GetMetadata<OpenEndpoint>() is not null)
        {
            return next(context);
        }

        if (endpoint.Metadata.GetMetadata<OperatorEndpoint>() is not null)
        {
            return AsOperator(context, keys, next);
        }

        var caller = PresentedKey.Resolve(context, keys, acceptBasic: false);
        if (caller is null)
        {
            return ApiErrors.Unauthorized().ExecuteAsync(context);
        }

        // An endpoint that names no resource is reachable only with a key that may do everything.
        var permission = endpoint.Metadata.GetMetadata<ResourcePermission>();
        if (permission is null)
        {
            if (!caller.Has("*"))
            {
                return ApiErrors.Forbidden("the API key lacks the permission *").ExecuteAsync(context);
            }

            context.Items[CallerItem] = caller;
            return next(context);
        }

        var org = context.Request.RouteValues["org_id"] as string ?? "";
        if (!OrgIds.IsValid(org))
        {
            return ApiErrors.BadRequest("org_id: must match ^[a-z0-9][a-z0-9-]{0,49}$").ExecuteAsync(context);
        }

        var needed = permission.For(context.Request.Method);
        if (!caller.MayUse(org))
        {
            return ApiErrors.Forbidden($"the API key is not allowed for org '{org}'").ExecuteAsync(context);
        }

        if (!caller.Has(needed))
        {
            return ApiErrors.Forbidden($"the API key lacks the permission {needed}").ExecuteAsync(context);
        }

        context.Items[CallerItem] = caller;
        return next(context);
    }

    public static Caller CallerOf(HttpContext context) => (Caller)context.Items[CallerItem]!;

    /// <summary>Runs <paramref name="next"/> for a caller whose key (header or HTTP Basic password) carries the operator permission.</summary>
    public static Task AsOperator(HttpContext context, ApiKeyRing keys, RequestDelegate next)
    {
        var caller = PresentedKey.Resolve(context, keys, acceptBasic: true);
        if (caller is null)
        {
            // The challenge makes a browser ask for the credentials instead of showing the error.
            context.Response.Headers.WWWAuthenticate = OpsRealm;
            return ApiErrors.Unauthorized().ExecuteAsync(context);
        }

        if (!caller.Has(OperatorEndpoint.Permission))
        {
            return ApiErrors.Forbidden($"the API key lacks the permission {OperatorEndpoint.Permission}").ExecuteAsync(context);
        }

        context.Items[CallerItem] = caller;
        return next(context);
    }
}
