using Customers.Api.Auth;

namespace Customers.Api.Events;

/// <summary>
/// Puts the calling API key's name into the Orleans request context, so every grain call of the
/// request records it as the actor of the events it causes.
/// </summary>
public sealed class ActorContextMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (ApiKeyMiddleware.CallerOf(context) is { } caller)
        {
            RequestContext.Set(EventActorKeys.FrontDoor, caller.Name);
        }

        return next(context);
    }
}
