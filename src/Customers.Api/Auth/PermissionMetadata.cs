namespace Customers.Api.Auth;

/// <summary>Endpoint metadata naming the contract's resource (<c>customers</c>, <c>external-customers</c>, …).</summary>
public sealed record ResourcePermission(string Resource);

public static class PermissionEndpointExtensions
{
    /// <summary>GET needs <c>resource:read</c>; every other method <c>resource:write</c>.</summary>
    public static TBuilder RequiresPermission<TBuilder>(this TBuilder builder, string resource)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ResourcePermission(resource));
}
