namespace Customers;

/// <summary>
/// Grain keys carry the org, so nothing addresses a grain across tenants. String keys always
/// contain a '/', which keeps the ADO.NET storage from reading them as integer or Guid keys.
/// </summary>
public static class GrainKeys
{
    public static string Customer(string org, Guid id) => $"{org}/{id:D}";

    public static string Account(string org, Guid id) => $"{org}/{id:D}";

    /// <summary>An index grain's key: the value itself is never in it, only its pseudonym (see IndexKeys in the grains).</summary>
    public static string Index(string org, string kind, string pseudonym) => $"{org}/{kind}/{pseudonym}";

    /// <summary>The parts of an index grain's key (<see cref="Index"/>); false when it has fewer than three.</summary>
    public static bool TryParseIndex(string key, out string org, out string kind, out string rest)
    {
        var first = key.IndexOf('/');
        var second = first < 0 ? -1 : key.IndexOf('/', first + 1);
        (org, kind, rest) = second < 0 ? ("", "", "") : (key[..first], key[(first + 1)..second], key[(second + 1)..]);
        return second >= 0;
    }

    public static string Sequence(string org, string kind) => $"{org}/{kind}";

    public static string TenantCatalog(string org) => $"{org}/catalog";

    /// <summary>One bucket of the holders of a catalogue scope; see <see cref="HolderBuckets"/>.</summary>
    public static string CatalogHolders(string org, string scope, int bucket) => $"{org}/holders/{scope}/{bucket}";

    /// <summary>An org's webhook subscriptions (<see cref="IWebhookRegistryGrain"/>).</summary>
    public static string WebhookRegistry(string org) => $"{org}/webhooks";

    public static string WebhookSubscription(string org, Guid id) => $"{org}/{id:D}";

    public static (string Org, Guid Id) ParseEntity(string key)
    {
        var slash = key.IndexOf('/');
        return (key[..slash], Guid.Parse(key.AsSpan(slash + 1)));
    }
}
