using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Customers.Api.Auth;

/// <summary>
/// The configured keys as SHA-256 hashes. A presented key's hash is compared with every entry in
/// constant time, so timing tells nothing about how close a guess was.
/// </summary>
public sealed class ApiKeyRing
{
    private readonly Caller[] _callers;

    /// <summary>
    /// Hashes of presented keys that matched a configured one, so a valid key is hashed once, not
    /// on every request (profiled at ~2.5 % of a GET's CPU). Only matches are kept: their number is
    /// bounded by the configuration, whatever strangers send.
    /// </summary>
    private readonly ConcurrentDictionary<string, byte[]> _knownHashes = new(StringComparer.Ordinal);

    public ApiKeyRing(IOptions<ApiKeyOptions> options, DevelopmentKey developmentKey)
    {
        var entries = options.Value.ApiKeys.Where(k => !string.IsNullOrEmpty(k.Key)).ToList();
        if (entries.Count == 0)
        {
            // Start-up refuses to get here outside Development (StartupChecks).
            entries.Add(new ApiKeyEntry { Name = "development", Key = developmentKey.Value, Orgs = ["*"], Permissions = ["*"] });
            developmentKey.ShowOnTerminal();
        }

        if (entries.FindIndex(e => e.PermitsPerSecond < 0) is var negative and >= 0)
        {
            throw new InvalidOperationException($"Auth__ApiKeys__{negative}__PermitsPerSecond must not be negative (0 = unlimited)");
        }

        _callers = entries
            .Select((e, i) => new Caller(e.Name, Hash(e.Key), e.Orgs.ToHashSet(StringComparer.Ordinal), e.Permissions.ToHashSet(StringComparer.Ordinal), e.PermitsPerSecond, i))
            .ToArray();
    }

    /// <summary>The configured keys' callers, each at its <see cref="Caller.Index"/>.</summary>
    public IReadOnlyList<Caller> Callers => _callers;

    public Caller? Find(string presentedKey)
    {
        var known = _knownHashes.TryGetValue(presentedKey, out var hash);
        hash ??= Hash(presentedKey);
        Caller? found = null;
        foreach (var caller in _callers)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, caller.KeyHash))
            {
                found = caller;
            }
        }

        if (found is not null && !known)
        {
            _knownHashes.TryAdd(presentedKey, hash);
        }

        return found;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

/// <param name="PermitsPerSecond">The key's own rate limit; null = the default; 0 = unlimited.</param>
/// <param name="Index">The key's place in configuration: its rate-limit partition, so no key (nor its hash) is held there.</param>
public sealed record Caller(string Name, byte[] KeyHash, IReadOnlySet<string> Orgs, IReadOnlySet<string> Permissions, int? PermitsPerSecond, int Index)
{
    public bool MayUse(string org) => Orgs.Contains("*") || Orgs.Contains(org);

    public bool Has(string permission) => Permissions.Contains("*") || Permissions.Contains(permission);
}

/// <summary>
/// The key accepted in Development when none is configured. It is shown on the controlling terminal
/// of the person who started the service, never on standard output, which is the log stream.
/// </summary>
public sealed class DevelopmentKey(ILogger<DevelopmentKey> logger)
{
    public string Value { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public void ShowOnTerminal()
    {
        try
        {
            using var terminal = new StreamWriter(new FileStream("/dev/tty", FileMode.Open, FileAccess.Write));
            terminal.WriteLine($"No API key configured: development key {Value} (header X-API-Key) accepts every org and permission.");
            logger.LogWarning("No API key configured: a development key accepting every org and permission was made and shown on the terminal");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            logger.LogWarning("No API key configured and no terminal to show a development key on: configure Auth__ApiKeys");
        }
    }
}
