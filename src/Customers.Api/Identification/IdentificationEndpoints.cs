using Customers.Api.Http;
using Customers.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace Customers.Api.Identification;

/// <summary>Contract §11: identification processes, their documents, and the signed URLs documents are served under.</summary>
public static class IdentificationEndpoints
{
    private const string Tag = "Customer identification processes";
    private const string About = "A customer's identification processes and their uploaded documents.";

    public static RouteGroupBuilder MapIdentificationEndpoints(this RouteGroupBuilder org)
    {
        var processes = org.MapResource("/customers/{customer_id}/identification-processes", Tag, About, "customer-identification-processes");

        processes.MapGet("", List)
            .Describe("listIdentificationProcesses", "List identification processes", "The customer's identification processes, newest first.")
            .Produces<ProcessList>();
        processes.MapGet("/{process_id}", Get)
            .Describe("getIdentificationProcess", "Get an identification process", "One process with its document's metadata and a signed, expiring public_url.")
            .Produces<ProcessResponse>();
        processes.MapPost("", Upload)
            .Describe("createIdentificationProcess", "Upload an identification document", "Multipart form with fields process_date (ISO 8601 date-time) and document_type (NIF|NIE|PASSPORT|CIF), and one file part named file: a PDF, JPEG or PNG of at most 10 MiB, checked by its content.")
            .AcceptsForm(
                // The date as text: generated clients write a form's date-time in their culture's format.
                new FormField("process_date", "When the identification took place: an ISO 8601 date-time in UTC such as 2023-01-27T03:44:52Z."),
                new FormField("document_type", "The type of the identity document shown.", ValueSet: NamedEnums.IdentityDocumentType),
                new FormField("file", "The document: a PDF, JPEG or PNG of at most 10 MiB, checked by its content.", Format: "binary"))
            .WithMetadata(new MultipartUpload.RequestSizeLimit(MultipartUpload.MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: MultipartUpload.MaxRequestBytes)
            .Produces<IdentificationProcessCreated>(StatusCodes.Status201Created);

        org.MapDocumentEndpoints();
        return org;
    }

    private static Task<IResult> List([FromRoute(Name = "org_id")] string org, [FromRoute(Name = "customer_id")] string customerId, IGrainFactory grains) =>
        Ids.With(customerId, "customer_id", id => Grain(grains, org, id).ListIdentificationProcesses()
            .ToResult(processes => JsonAnswer.Ok(new ProcessList(processes))));

    private static Task<IResult> Get(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "customer_id")] string customerId,
        [FromRoute(Name = "process_id")] string processId,
        HttpRequest request,
        IGrainFactory grains,
        DocumentUrlSigner signer) =>
        Ids.With(customerId, "customer_id", id => Ids.With(processId, "process_id", process =>
            Grain(grains, org, id).GetIdentificationProcess(process)
                .ToResult(view => JsonAnswer.Ok(ToResponse(view, signer.Sign(request, org, view.Document.DocumentId))))));

    /// <summary>A process as its GET shows it, the document's URL freshly signed.</summary>
    internal static ProcessResponse ToResponse(IdentificationProcessView view, SignedUrl url)
    {
        var document = view.Document;
        return new ProcessResponse(
            view.ProcessId,
            view.ProcessDate,
            new DocumentResponse(url.ExpiresAt, url.Url, document.MediaType, document.Name, document.Type, document.SizeBytes));
    }

    private static async Task<IResult> Upload(
        [FromRoute(Name = "org_id")] string org,
        [FromRoute(Name = "customer_id")] string customerId,
        HttpRequest request,
        IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(customerId, "customer_id", out var id, out var error))
        {
            return error;
        }

        var (upload, invalid) = await MultipartUpload.ReadAsync(request, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var outcome = await Grain(grains, org, id).AddIdentificationProcess(upload!);
        return outcome.ToResult(created =>
            JsonAnswer.Created($"/v4/orgs/{org}/customers/{id}/identification-processes/{created.ProcessId}", created));
    }

    private static ICustomerIdentificationGrain Grain(IGrainFactory grains, string org, Guid id) =>
        grains.Ref<ICustomerIdentificationGrain>(GrainKeys.Customer(org, id));

    public sealed record ProcessList(IReadOnlyList<IdentificationProcessSummary> Processes);

    public sealed record ProcessResponse(Guid ProcessId, DateTime ProcessDate, DocumentResponse Document);

    public sealed record DocumentResponse(DateTime UrlExpirationDate, string PublicUrl, string MediaType, string Name, string Type, long SizeBytes);
}
