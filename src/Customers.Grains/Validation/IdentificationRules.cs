using System.Globalization;
using System.Text.RegularExpressions;

namespace Customers.Grains.Validation;

/// <summary>Rules of an identification document upload (contract §11).</summary>
public static partial class IdentificationRules
{
    public const int MaxNameLength = SharedRules.MaxFreeText;

    private const string OctetStream = "application/octet-stream";

    private static readonly string[] DocumentTypes =
        [IdentityDocumentTypes.Nif, IdentityDocumentTypes.Nie, IdentityDocumentTypes.Passport, IdentityDocumentTypes.Cif];

    private static readonly string[] Accepted = [DocumentMediaTypes.Pdf, DocumentMediaTypes.Jpeg, DocumentMediaTypes.Png];

    public static ValidUpload? Validate(Violations v, IdentificationUpload upload)
    {
        var processDate = ProcessDate(v, upload.ProcessDate);
        var documentType = v.OneOf(upload.DocumentType, "document_type", required: true, DocumentTypes);
        var mediaType = File(v, upload);
        var name = Name(v, upload.FileName, mediaType);
        return v.Any ? null : new ValidUpload(processDate!.Value, documentType!, mediaType!, name, upload.Content!);
    }

    private static DateTime? ProcessDate(Violations v, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            v.Add("process_date", "is required");
            return null;
        }

        if (!IsoDateTime().IsMatch(value)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            v.Add("process_date", "must be an ISO 8601 date-time such as 2023-01-27T03:44:52Z");
            return null;
        }

        return parsed.UtcDateTime;
    }

    private static string? File(Violations v, IdentificationUpload upload)
    {
        var content = upload.Content;
        if (content is null)
        {
            v.Add("file", "is required");
            return null;
        }

        if (content.Length == 0)
        {
            v.Add("file", "must not be empty");
            return null;
        }

        if (content.Length > IdentificationLimits.MaxDocumentBytes)
        {
            v.Add("file", $"must be at most 10 MiB ({IdentificationLimits.MaxDocumentBytes} bytes)");
            return null;
        }

        var detected = MediaTypes.Detect(content);
        var declared = MediaTypes.Normalize(upload.DeclaredMediaType);
        if (detected is null)
        {
            v.Add("file", "must be a PDF, JPEG or PNG document");
            return null;
        }

        if (declared is not null && declared != OctetStream && declared != detected)
        {
            v.Add("file", Accepted.Contains(declared)
                ? $"content is {detected}, not the declared {declared}"
                : $"media type must be one of {string.Join(", ", Accepted)}");
            return null;
        }

        return detected;
    }

    private static string Name(Violations v, string? fileName, string? mediaType)
    {
        var name = Path.GetFileName(fileName?.Replace('\\', '/').Trim() ?? "");
        if (Text.Characters(name) > MaxNameLength)
        {
            v.Add("file", $"name must have at most {MaxNameLength} characters");
        }

        // A name is shown back and sent as a download's file name: nothing invisible in it, and no NUL
        // (which a PostgreSQL text column refuses).
        if (Text.HasControlOrFormat(name))
        {
            v.Add("file", "name must not contain control or format characters");
        }

        return name.Length > 0 ? name : $"document{Extension(mediaType)}";
    }

    private static string Extension(string? mediaType) => mediaType switch
    {
        DocumentMediaTypes.Pdf => ".pdf",
        DocumentMediaTypes.Jpeg => ".jpg",
        DocumentMediaTypes.Png => ".png",
        _ => "",
    };

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?\z")]
    private static partial Regex IsoDateTime();

    public sealed record ValidUpload(DateTime ProcessDate, string DocumentType, string MediaType, string Name, byte[] Content);
}
