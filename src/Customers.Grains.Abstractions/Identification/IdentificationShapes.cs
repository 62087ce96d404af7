namespace Customers;

/// <summary>An uploaded identification document with the fields of its form, unchecked.</summary>
[GenerateSerializer, Immutable]
public sealed class IdentificationUpload
{
    [Id(0)] public string? ProcessDate { get; init; }
    [Id(1)] public string? DocumentType { get; init; }
    [Id(2)] public string? FileName { get; init; }

    /// <summary>The media type the client declared for the file part; the content decides.</summary>
    [Id(3)] public string? DeclaredMediaType { get; init; }
    [Id(4)] public byte[]? Content { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record IdentificationProcessCreated([property: Id(0)] Guid ProcessId);

[GenerateSerializer]
public sealed class IdentificationProcessSummary
{
    [Id(0)] public Guid ProcessId { get; set; }
    [Id(1)] public DateTime ProcessDate { get; set; }
}

[GenerateSerializer]
public sealed class IdentificationProcessView
{
    [Id(0)] public Guid ProcessId { get; set; }
    [Id(1)] public DateTime ProcessDate { get; set; }
    [Id(2)] public IdentificationDocumentView Document { get; set; } = new();
}

[GenerateSerializer]
public sealed class IdentificationDocumentView
{
    /// <summary>The id the document's bytes are stored and served under.</summary>
    [Id(0)] public Guid DocumentId { get; set; }
    [Id(1)] public string MediaType { get; set; } = "";
    [Id(2)] public string Name { get; set; } = "";
    [Id(3)] public string Type { get; set; } = "";
    [Id(4)] public long SizeBytes { get; set; }
}

public static class IdentificationLimits
{
    /// <summary>10 MiB: the largest document accepted.</summary>
    public const int MaxDocumentBytes = 10 * 1024 * 1024;
}

public static class DocumentMediaTypes
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
}
