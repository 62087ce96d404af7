using Customers.Api.Auth;

namespace Customers.Api.Events;

/// <summary>
/// Puts the calling API key's name into the Orleans request context, so every grain call of the
/// request records it as the actor of the events it causes. GET and HEAD need only a read permission
/// and change nothing in the caller's name; they carry no context, which Orleans would otherwise copy
/// into each of their grain calls.
/// </summary>
public sealed class ActorContextMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!ResourcePermission.IsRead(context.Request.Method) && ApiKeyMiddleware.CallerOf(context) is { } caller)
        {
            RequestContext.Set(EventActorKeys.FrontDoor, caller.Name);
        }

        return next(context);
    }
}
