using System.Net;
using System.Net.Sockets;
using Customers.Grains.Validation;

namespace Customers.Grains.Events;

/// <summary>Addresses a webhook must not reach unless private callbacks are allowed (server-side request forgery).</summary>
public static class CallbackAddresses
{
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        }

        var b = address.GetAddressBytes();
        return b[0] == 0                                   // 0.0.0.0/8, "this network"
            || b[0] == 10                                  // 10.0.0.0/8
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)   // 172.16.0.0/12
            || (b[0] == 192 && b[1] == 168)                // 192.168.0.0/16
            || (b[0] == 169 && b[1] == 254)                // link-local
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)  // 100.64.0.0/10, carrier-grade NAT
            || b[0] >= 224;                                // multicast, reserved, broadcast
    }

    /// <summary>
    /// Null when the callback may be used; otherwise why not. A host that does not resolve now is
    /// accepted: every connection is checked again against the address it actually reaches.
    /// </summary>
    public static async Task<string?> Check(string? callback, bool allowPrivate)
    {
        if (string.IsNullOrWhiteSpace(callback))
        {
            return "is required";
        }

        if (Text.Characters(callback) > SharedRules.MaxFreeText)
        {
            return $"must be at most {SharedRules.MaxFreeText} characters";
        }

        // The URL as sent is the URL used: .NET's parser would trim white space around it and drop
        // control characters inside, so such a value is refused rather than quietly changed.
        if (Text.HasInvisibleOrSpace(callback)
            || !Uri.TryCreate(callback, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host)
            || uri.Port == 0)
        {
            return "must be an absolute http or https URL";
        }

        // Credentials in the URL would be shown to every reader of the subscription list.
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "must not carry user information; sign deliveries with the secret instead";
        }

        if (allowPrivate)
        {
            return null;
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.DnsSafeHost, out var literal))
        {
            addresses = [literal];
        }
        else if (uri.IsLoopback)
        {
            return "must not point to a loopback, private or link-local address";
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(uri.DnsSafeHost);
            }
            catch (SocketException)
            {
                return null;
            }
        }

        return addresses.Any(IsPrivate) ? "must not point to a loopback, private or link-local address" : null;
    }
}
