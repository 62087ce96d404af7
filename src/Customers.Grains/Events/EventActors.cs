namespace Customers.Grains.Events;

/// <summary>Who made a change: the API key's name, <c>co-hosted:&lt;name&gt;</c>, or <c>system</c>.</summary>
public static class EventActors
{
    public const string System = "system";

    public static string Current()
    {
        if (RequestContext.Get(EventActorKeys.FrontDoor) is string key && key.Length > 0)
        {
            return key;
        }

        return RequestContext.Get(EventActorKeys.CoHosted) is string caller && caller.Length > 0
            ? $"co-hosted:{caller}"
            : System;
    }
}
