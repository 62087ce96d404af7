using Customers.Api.Auth;
using Customers.Api.Http;
using Customers.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace Customers.Api.Identification;

/// <summary>
/// Serves a document to whoever holds its signed URL: the signature is the authorisation, so the
/// endpoint is open to callers without a key. It is served as a download that is never sniffed or cached.
/// </summary>
public static class DocumentEndpoints
{
    public static RouteGroupBuilder MapDocumentEndpoints(this RouteGroupBuilder org)
    {
        org.MapGet("/documents/{document_id}", Download)
            .Describe("downloadDocument", "Download a document", "The document behind a public_url; needs the URL's expires and signature, no API key.")
            .Answers(StatusCodes.Status403Forbidden, "The URL expired or its signature does not match.")
            .WithTags("Customer identification processes")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf", "image/jpeg", "image/png")
            .NeedsNoKey();
        return org;
    }

    private static async Task<IResult> Download(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "document_id")] string documentId,
        [FromQuery(Name = "expires")] string? expires,
        [FromQuery(Name = "signature")] string? signature,
        DocumentUrlSigner signer,
        IDocumentStore documents,
        IGrainFactory grains,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (!OrgIds.IsValid(org))
        {
            return ApiErrors.BadRequest("org_id: must match ^[a-z0-9][a-z0-9-]{0,49}$");
        }

        switch (signer.Check(org, documentId, expires, signature))
        {
            case UrlCheck.Invalid:
                return ApiErrors.Forbidden("the document URL is not validly signed");
            case UrlCheck.Expired:
                return ApiErrors.Forbidden("the document URL has expired");
        }

        // Only a URL this service signed gets here, and it signs canonical ids only.
        var document = Uuids.TryParse(documentId, out var id) ? await documents.FindAsync(org, id, cancellationToken) : null;
        // A deleted customer is gone everywhere, its documents' URLs included.
        if (document is null || await grains.Ref<ICustomerGrain>(GrainKeys.Customer(org, document.CustomerId)).Get() is null)
        {
            return ApiErrors.NotFound("document not found");
        }

        response.Headers.CacheControl = "private, no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentDisposition = $"attachment; filename=\"{document.Id:D}{Extension(document.MediaType)}\"";
        return TypedResults.Bytes(document.Content, document.MediaType);
    }

    private static string Extension(string mediaType) => mediaType switch
    {
        DocumentMediaTypes.Pdf => ".pdf",
        DocumentMediaTypes.Jpeg => ".jpg",
        DocumentMediaTypes.Png => ".png",
        _ => "",
    };
}
