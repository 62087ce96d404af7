namespace Customers.Grains.Validation;

/// <summary>Tells a document's media type from its first bytes, whatever the client declared.</summary>
public static class MediaTypes
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary><see cref="DocumentMediaTypes.Pdf"/>, <see cref="DocumentMediaTypes.Jpeg"/>, <see cref="DocumentMediaTypes.Png"/>, or null.</summary>
    public static string? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PdfMagic))
        {
            return DocumentMediaTypes.Pdf;
        }

        if (content.StartsWith(JpegMagic))
        {
            return DocumentMediaTypes.Jpeg;
        }

        return content.StartsWith(PngMagic) ? DocumentMediaTypes.Png : null;
    }

    /// <summary><c>Image/PNG; charset=x</c> → <c>image/png</c>; null for an absent one.</summary>
    public static string? Normalize(string? mediaType)
    {
        if (string.IsNullOrWhiteSpace(mediaType))
        {
            return null;
        }

        var semicolon = mediaType.IndexOf(';');
        return (semicolon < 0 ? mediaType : mediaType[..semicolon]).Trim().ToLowerInvariant();
    }
}
