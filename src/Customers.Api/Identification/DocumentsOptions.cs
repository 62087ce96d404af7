namespace Customers.Api.Identification;

public sealed class DocumentsOptions
{
    public const string Section = "Documents";

    /// <summary>How long a document's <c>public_url</c> stays valid.</summary>
    public TimeSpan UrlTtl { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The HMAC-SHA256 key that signs document URLs (its UTF-8 bytes). When absent a random key is
    /// made at start: URLs then stop working on restart and are not accepted by other silos.
    /// </summary>
    public string? SigningKey { get; set; }
}
