namespace Customers.Api.Auth;

/// <summary>Endpoint metadata naming the contract's resource (<c>customers</c>, <c>external-customers</c>, …).</summary>
public sealed record ResourcePermission(string Resource)
{
    /// <summary>What a GET or HEAD needs: made once per endpoint, not once per request.</summary>
    public string Read { get; } = $"{Resource}:read";

    /// <summary>What every other method needs.</summary>
    public string Write { get; } = $"{Resource}:write";

    /// <summary>GET and HEAD read; every other method changes something.</summary>
    public static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);

    /// <summary>The permission a request of <paramref name="method"/> needs.</summary>
    public string For(string method) => IsRead(method) ? Read : Write;
}

/// <summary>An endpoint anyone may call (health, a signed document URL): the only way past the key check without a key.</summary>
public sealed record OpenEndpoint
{
    public static OpenEndpoint Instance { get; } = new();
}

/// <summary>An operator surface (dashboard, metrics): needs <c>ops:read</c>, as <c>X-API-Key</c> or HTTP Basic.</summary>
public sealed record OperatorEndpoint
{
    public const string Permission = "ops:read";

    public static OperatorEndpoint Instance { get; } = new();
}

public static class PermissionEndpointExtensions
{
    /// <summary>GET needs <c>resource:read</c>; every other method <c>resource:write</c>.</summary>
    public static TBuilder RequiresPermission<TBuilder>(this TBuilder builder, string resource)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ResourcePermission(resource));

    /// <summary>Opens the endpoint to callers without a key; every endpoint not marked so needs one.</summary>
    public static TBuilder NeedsNoKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(OpenEndpoint.Instance);

    /// <summary>Needs a key with <c>ops:read</c>, accepted as HTTP Basic too so a browser or a scraper can send it.</summary>
    public static TBuilder RequiresOps<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(OperatorEndpoint.Instance);
}
