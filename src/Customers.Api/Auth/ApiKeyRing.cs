using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Customers.Api.Auth;

/// <summary>
/// The configured keys, held only as SHA-256 hashes. A presented key is hashed and compared
/// with every entry in constant time, so timing tells nothing about how close a guess was.
/// </summary>
public sealed class ApiKeyRing
{
    private readonly Caller[] _callers;

    public ApiKeyRing(IOptions<ApiKeyOptions> options, DevelopmentKey developmentKey)
    {
        var entries = options.Value.ApiKeys.Where(k => !string.IsNullOrEmpty(k.Key)).ToList();
        if (entries.Count == 0)
        {
            entries.Add(new ApiKeyEntry { Name = "development", Key = developmentKey.Value, Orgs = ["*"], Permissions = ["*"] });

            // Shown once on the console for the person starting the service; never sent to the logs.
            Console.WriteLine($"No API key configured: development key {developmentKey.Value} (header X-API-Key) accepts every org and permission.");
        }

        _callers = entries.Select(e => new Caller(e.Name, Hash(e.Key), e.Orgs.ToHashSet(StringComparer.Ordinal), e.Permissions.ToHashSet(StringComparer.Ordinal))).ToArray();
    }

    public Caller? Find(string presentedKey)
    {
        var hash = Hash(presentedKey);
        Caller? found = null;
        foreach (var caller in _callers)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, caller.KeyHash))
            {
                found = caller;
            }
        }

        return found;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

public sealed record Caller(string Name, byte[] KeyHash, IReadOnlySet<string> Orgs, IReadOnlySet<string> Permissions)
{
    public bool MayUse(string org) => Orgs.Contains("*") || Orgs.Contains(org);

    public bool Has(string permission) => Permissions.Contains("*") || Permissions.Contains(permission);
}

/// <summary>The key accepted when none is configured, made at start and shown once on the console.</summary>
public sealed class DevelopmentKey
{
    public string Value { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
