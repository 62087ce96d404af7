using Customers.Api.Auth;
using Customers.Api.OpenApi;

namespace Customers.Api.Http;

public static class RouteGroups
{
    /// <summary>An org's routes under <paramref name="prefix"/>: one OpenAPI tag, one permission for all of them.</summary>
    public static RouteGroupBuilder MapResource(this RouteGroupBuilder org, string prefix, string tag, string about, string permission) =>
        org.MapGroup(prefix).Tagged(tag, about).RequiresPermission(permission);
}
