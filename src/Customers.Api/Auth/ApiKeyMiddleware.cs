using Customers.Api.Http;

namespace Customers.Api.Auth;

/// <summary>
/// Runs after routing and before the endpoint binds its body, so an unauthenticated caller gets
/// 401 rather than a validation answer about a body it was never allowed to send.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyRing keys)
{
    public const string HeaderName = "X-API-Key";
    private const string CallerItem = "customers.caller";

    public async Task InvokeAsync(HttpContext context)
    {
        var permission = context.GetEndpoint()?.Metadata.GetMetadata<ResourcePermission>();
        if (permission is null)
        {
            await next(context);
            return;
        }

        var presented = context.Request.Headers[HeaderName].ToString();
        var caller = string.IsNullOrEmpty(presented) ? null : keys.Find(presented);
        if (caller is null)
        {
            await ApiErrors.Unauthorized().ExecuteAsync(context);
            return;
        }

        var org = context.Request.RouteValues["org_id"] as string ?? "";
        if (!OrgIds.IsValid(org))
        {
            await ApiErrors.BadRequest("org_id: must match ^[a-z0-9][a-z0-9-]{0,49}$").ExecuteAsync(context);
            return;
        }

        var needed = $"{permission.Resource}:{(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ? "read" : "write")}";
        if (!caller.MayUse(org))
        {
            await ApiErrors.Forbidden($"the API key is not allowed for org '{org}'").ExecuteAsync(context);
            return;
        }

        if (!caller.Has(needed))
        {
            await ApiErrors.Forbidden($"the API key lacks the permission {needed}").ExecuteAsync(context);
            return;
        }

        context.Items[CallerItem] = caller;
        await next(context);
    }

    public static Caller CallerOf(HttpContext context) => (Caller)context.Items[CallerItem]!;
}
