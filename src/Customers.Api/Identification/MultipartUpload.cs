using Customers.Api.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Customers.Api.Identification;

/// <summary>Reads the upload form: fields <c>process_date</c>, <c>document_type</c> and one file part <c>file</c>.</summary>
public static class MultipartUpload
{
    /// <summary>The whole request may exceed the document limit by this much for the form's other parts and framing.</summary>
    private const long FormOverhead = 64 * 1024;

    public const long MaxRequestBytes = IdentificationLimits.MaxDocumentBytes + FormOverhead;

    /// <summary>Ends an over-long body early, at the server, rather than buffering it first.</summary>
    public sealed record RequestSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata, IOverLimitAnswer
    {
        public IResult OverLimit() => TooLarge();
    }

    public static async Task<(IdentificationUpload? Upload, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            return (null, ApiErrors.BadRequest("body: content type must be multipart/form-data"));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
        catch (InvalidDataException e) when (e.Message.StartsWith("Multipart body length limit", StringComparison.Ordinal))
        {
            return (null, TooLarge());
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            // The form's other limits: how many fields, how long a key, a value or a part's headers.
            return (null, ApiErrors.BadRequest("body: has more form fields, or longer ones, than an upload needs"));
        }
        catch (InvalidDataException)
        {
            return (null, NotMultipart());
        }
        catch (IOException) when (!request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The body ended before its closing boundary, or never had an opening one.
            return (null, NotMultipart());
        }

        var files = form.Files.GetFiles("file");
        if (files.Count > 1)
        {
            return (null, ApiErrors.BadRequest("file: exactly one file part is allowed"));
        }

        var file = files.Count == 1 ? files[0] : null;
        if (file?.Length > IdentificationLimits.MaxDocumentBytes)
        {
            return (null, TooLarge());
        }

        byte[]? content = null;
        if (file is not null)
        {
            content = new byte[file.Length];
            await using var stream = file.OpenReadStream();
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        return (new IdentificationUpload
        {
            ProcessDate = Field(form, "process_date"),
            DocumentType = Field(form, "document_type"),
            FileName = file?.FileName,
            DeclaredMediaType = file?.ContentType,
            Content = content,
        }, null);
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) ? values.ToString() : null;

    private static IResult NotMultipart() => ApiErrors.BadRequest("body: is not a valid multipart/form-data body");

    // §12: a size limit is a 400 naming what is too large; the 413 is for bodies past the 1 MiB
    // every other endpoint takes, which the upload is exempt from.
    private static IResult TooLarge() =>
        ApiErrors.BadRequest($"file: must be at most 10 MiB ({IdentificationLimits.MaxDocumentBytes} bytes)");
}
