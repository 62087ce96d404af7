using System.Net.Http.Headers;
using System.Text;

namespace Customers.Api.Auth;

/// <summary>Finds the caller of a request once, from <c>X-API-Key</c> or HTTP Basic (password = key).</summary>
public static class PresentedKey
{
    private const string CallerItem = "customers.presented-caller";

    /// <summary>The caller whose key the request carries, or null; the lookup is done once per request.</summary>
    public static Caller? Resolve(HttpContext context, ApiKeyRing keys, bool acceptBasic)
    {
        if (context.Items[CallerItem] is not Resolved resolved)
        {
            resolved = Lookup(context, keys);
            context.Items[CallerItem] = resolved;
        }

        return resolved.ViaBasic && !acceptBasic ? null : resolved.Caller;
    }

    private static Resolved Lookup(HttpContext context, ApiKeyRing keys)
    {
        var header = context.Request.Headers[ApiKeyMiddleware.HeaderName].ToString();
        if (!string.IsNullOrEmpty(header))
        {
            return new Resolved(keys.Find(header), ViaBasic: false);
        }

        return BasicPassword(context.Request.Headers.Authorization.ToString()) is { Length: > 0 } password
            ? new Resolved(keys.Find(password), ViaBasic: true)
            : new Resolved(null, ViaBasic: false);
    }

    /// <summary>The password of <c>Authorization: Basic base64(user:password)</c>; any user name.</summary>
    private static string? BasicPassword(string header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(value.Parameter))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : decoded[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private sealed record Resolved(Caller? Caller, bool ViaBasic);
}
