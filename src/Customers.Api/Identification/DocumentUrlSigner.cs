using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Customers.Api.Identification;

/// <summary>
/// Signs and checks the expiring URLs documents are served under, so a holder of the URL needs no
/// API key. The signature covers the org, the document id and the expiry: changing any one breaks it.
/// </summary>
public sealed class DocumentUrlSigner(IOptions<DocumentsOptions> options, TimeProvider time)
{
    private readonly byte[] _key = options.Value.SigningKey is { Length: > 0 } configured
        ? Encoding.UTF8.GetBytes(configured)
        : RandomNumberGenerator.GetBytes(32);

    public SignedUrl Sign(HttpRequest request, string org, Guid documentId)
    {
        var expires = time.GetUtcNow().Add(options.Value.UrlTtl).ToUnixTimeSeconds();
        var id = documentId.ToString("D");
        var expiresText = expires.ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(Signature(org, id, expiresText));
        var url = $"{BaseUrl(request)}/v4/orgs/{org}/documents/{id}?expires={expiresText}&signature={signature}";
        return new SignedUrl(url, DateTimeOffset.FromUnixTimeSeconds(expires).UtcDateTime);
    }

    public UrlCheck Check(string org, string documentId, string? expires, string? signature)
    {
        if (string.IsNullOrEmpty(expires) || string.IsNullOrEmpty(signature) || signature.Length != 64
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt))
        {
            return UrlCheck.Invalid;
        }

        byte[] presented;
        try
        {
            presented = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return UrlCheck.Invalid;
        }

        if (!CryptographicOperations.FixedTimeEquals(presented, Signature(org, documentId, expires)))
        {
            return UrlCheck.Invalid;
        }

        return time.GetUtcNow().ToUnixTimeSeconds() > expiresAt ? UrlCheck.Expired : UrlCheck.Valid;
    }

    /// <summary>The configured public address when there is one: a Host header is the client's to choose.</summary>
    private string BaseUrl(HttpRequest request) =>
        options.Value.PublicBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";

    private byte[] Signature(string org, string documentId, string expires) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{org}\n{documentId}\n{expires}"));
}

public sealed record SignedUrl(string Url, DateTime ExpiresAt);

public enum UrlCheck
{
    Valid,
    Invalid,
    Expired,
}
