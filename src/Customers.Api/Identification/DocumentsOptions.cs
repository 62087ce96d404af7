namespace Customers.Api.Identification;

public sealed class DocumentsOptions
{
    public const string Section = "Documents";

    /// <summary>How long a document's <c>public_url</c> stays valid.</summary>
    public TimeSpan UrlTtl { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The HMAC-SHA256 key that signs document URLs (its UTF-8 bytes, at least 32). Only in
    /// Development may it be absent: a random key is then made at start, so URLs stop working on
    /// restart and are not accepted by other silos.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The scheme, host and path prefix clients reach the service at (behind a proxy); absent: the request's own.</summary>
    public string? PublicBaseUrl { get; set; }
}
