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
public sealed class IndexKeys
{
    /// <summary>128 bits of the HMAC: collisions stay out of reach, keys stay short.</summary>
    private const int DigestBytes = 16;

    private byte[]? _secret;

    public IndexKeys()
    {
    }

    public IndexKeys(ReadOnlySpan<byte> secret) => Use(secret);

    public const int MinimumSecretBytes = 32;

    /// <summary>Sets the deployment's secret, before the first grain asks for a key.</summary>
    public void Use(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"An index secret has at least {MinimumSecretBytes} bytes.", nameof(secret));
        }

        _secret = secret.ToArray();
    }

    public string For(string org, string kind, string value)
    {
        var secret = _secret ?? throw new InvalidOperationException("The index secret has not been loaded: the silo reads it at start, after the schema migrations.");

        // NUL cannot occur in an org or a kind, so no two (org, kind, value) triples share an input.
        var input = Encoding.UTF8.GetBytes($"{org}\0{kind}\0{value}");
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, input, mac);
        return GrainKeys.Index(org, kind, Base64Url.EncodeToString(mac[..DigestBytes]));
    }

    public string For(string org, UniqueValue value) => For(org, value.Kind, value.Value);
}
