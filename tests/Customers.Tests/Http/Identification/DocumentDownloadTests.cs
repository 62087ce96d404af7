using System.Net;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Identification;

/// <summary>A document is served as a download that is never sniffed or cached.</summary>
[Collection(ApiCollection.Name)]
public class DocumentDownloadTests(ApiHostFixture api)
{
    [Theory]
    [InlineData("pdf")]
    [InlineData("png")]
    [InlineData("jpg")]
    public async Task The_download_is_an_attachment_named_by_document_id_never_sniffed_nor_stored(string extension)
    {
        var (content, mediaType) = extension switch
        {
            "pdf" => (Documents.Pdf(), "application/pdf"),
            "png" => (Documents.Png(), "image/png"),
            _ => (Documents.Jpeg(), "image/jpeg"),
        };
        var url = await DocumentUrls.Upload(api.Client(), content, mediaType);

        var download = await api.Client(key: null).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        var documentId = new Uri(url).Segments[^1];
        Assert.Equal($"attachment; filename=\"{documentId}.{extension}\"", download.Content.Headers.ContentDisposition!.ToString());
        Assert.True(download.Headers.CacheControl is { Private: true, NoStore: true, NoCache: false, MaxAge: null }, download.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unconfigured_proxy_do_not_change_the_public_url()
    {
        await using var host = new ServiceHost(settings: [new("FORWARDEDHEADERS_ENABLED", "true")]);
        var client = host.ClientWithKey();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");

        var url = await DocumentUrls.Upload(client, Documents.Pdf(), "application/pdf");

        Assert.StartsWith("http://localhost/", url);
    }
}

/// <summary><c>public_url</c> starts with <c>Documents:PublicBaseUrl</c> when it is set, whatever Host the request named.</summary>
public class DocumentPublicBaseUrlTests
{
    [Fact]
    public async Task The_public_url_starts_with_the_configured_public_base_url()
    {
        await using var host = new ServiceHost(settings: [new("Documents:PublicBaseUrl", "https://customers.example.com/api/")]);

        var url = await DocumentUrls.Upload(host.ClientWithKey(), Documents.Pdf(), "application/pdf");

        Assert.StartsWith("https://customers.example.com/api/v4/orgs/telco/documents/", url);
    }
}

internal static class DocumentUrls
{
    public static async Task<string> Upload(HttpClient client, byte[] content, string mediaType)
    {
        const string customers = "/v4/orgs/telco/customers";
        var customer = (string)(await (await client.PostJson(customers, Bodies.Private())).AssertStatus(HttpStatusCode.Created))["id"]!;
        var process = (string)(await (await client.PostAsync($"{customers}/{customer}/identification-processes", Documents.Form(content, mediaType, "scan"))).AssertStatus(HttpStatusCode.Created))["process_id"]!;
        var read = await (await client.GetAsync($"{customers}/{customer}/identification-processes/{process}")).AssertStatus(HttpStatusCode.OK);
        return (string)read["document"]!["public_url"]!;
    }
}
