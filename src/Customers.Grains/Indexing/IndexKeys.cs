using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Customers.Grains.Indexing;

/// <summary>
/// The key of the index grain of a unique value. A grain id travels where grain state does not:
/// into log lines and exception messages, traces, the dashboard and the storage table's key
/// columns. So the value (a document number, an e-mail) is not in it, only a keyed hash of it under
/// the deployment's secret: a plain hash of an eight-digit document number is reversed by trying
/// them all, a keyed one is not without the secret. The org and the index kind stay readable.
/// Every silo of a deployment must hold the same secret, or they would disagree on which grain
/// owns a value: the silo reads it from the database it shares with the others.
/// </summary>
public sealed class IndexKeys : IDisposable
{
    public const int MinimumSecretBytes = 32;

    /// <summary>128 bits of the HMAC: collisions stay out of reach, keys stay short.</summary>
    private const int DigestBytes = 16;

    private byte[]? _secret;

    // One keyed instance per thread: keying an HMAC costs more than hashing a short value with it
    // (1.7 µs a key one-shot, 0.7 µs reused).
    private readonly ThreadLocal<HMACSHA256> _macs;

    public IndexKeys()
    {
        _macs = new ThreadLocal<HMACSHA256>(
            () => new HMACSHA256(_secret ?? throw new InvalidOperationException("The index secret has not been loaded: the silo reads it at start, after the schema migrations.")),
            trackAllValues: true);
    }

    public IndexKeys(ReadOnlySpan<byte> secret)
        : this() => Use(secret);

    /// <summary>Sets the deployment's secret, once, before the first grain asks for a key.</summary>
    public void Use(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"An index secret has at least {MinimumSecretBytes} bytes.", nameof(secret));
        }

        if (_secret is not null && !secret.SequenceEqual(_secret))
        {
            throw new InvalidOperationException("The index secret is already set: keys made under it would no longer be found.");
        }

        _secret = secret.ToArray();
    }

    public string For(string org, string kind, string value)
    {
        // NUL cannot occur in an org or a kind, so no two (org, kind, value) triples share an input.
        var input = Encoding.UTF8.GetBytes($"{org}\0{kind}\0{value}");
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        _macs.Value!.TryComputeHash(input, mac, out _);
        return GrainKeys.Index(org, kind, Base64Url.EncodeToString(mac[..DigestBytes]));
    }

    public string For(string org, UniqueValue value) => For(org, value.Kind, value.Value);

    public void Dispose()
    {
        foreach (var mac in _macs.Values)
        {
            mac.Dispose();
        }

        _macs.Dispose();
    }
}
