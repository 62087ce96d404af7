using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;
using Npgsql;

namespace Customers.Tests.Http.Identification;

[Collection(ApiCollection.Name)]
public class IdentificationProcessTests(ApiHostFixture api)
{
    private const string Customers = "/v4/orgs/telco/customers";
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task Uploading_a_document_answers_201_with_a_process_id_that_is_listed()
    {
        var customer = await CreateCustomer();

        var created = await (await Upload(customer, Documents.Form(Documents.Pdf()))).AssertStatus(HttpStatusCode.Created);

        var processes = (await List(customer))["processes"]!.AsArray();
        var process = Assert.Single(processes)!;
        Assert.Equal((string?)created["process_id"], (string?)process["process_id"]);
        Assert.Equal("2023-01-27T03:44:52Z", (string?)process["process_date"]);
    }

    [Fact]
    public async Task A_file_name_is_measured_in_characters_so_one_outside_the_basic_plane_counts_once()
    {
        var customer = await CreateCustomer();
        var name = string.Concat(Enumerable.Repeat("\U0001F4C4", 200)) + ".pdf";

        var process = await UploadId(customer, Documents.Form(Documents.Pdf(), fileName: name));

        Assert.Equal(name, (string?)(await Get(customer, process))["document"]!["name"]);
    }

    [Theory]
    [InlineData("a\u0000.pdf")]
    [InlineData("a\u0001.pdf")]
    [InlineData("a\u200B.pdf")]
    public async Task A_file_name_with_a_control_or_format_character_is_400_naming_the_file(string name)
    {
        var customer = await CreateCustomer();
        var form = Documents.Form(Documents.Pdf());
        // Sent in its RFC 5987 form (filename*=UTF-8''a%00.pdf), the only one a NUL can travel in.
        form.Last().Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = name };

        var messages = await (await Upload(customer, form)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("file: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Processes_are_listed_newest_first()
    {
        var customer = await CreateCustomer();
        var middle = await UploadId(customer, Documents.Form(Documents.Pdf(), processDate: "2023-02-01T10:00:00Z"));
        var newest = await UploadId(customer, Documents.Form(Documents.Png(), "image/png", "id.png", processDate: "2024-05-01T08:30:00Z"));
        var oldest = await UploadId(customer, Documents.Form(Documents.Jpeg(), "image/jpeg", "id.jpg", processDate: "2022-11-15T00:00:00Z"));

        var listed = (await List(customer))["processes"]!.AsArray().Select(p => (string?)p!["process_id"]).ToList();

        Assert.Equal([newest, middle, oldest], listed);
    }

    [Fact]
    public async Task A_process_shows_its_document_with_an_absolute_signed_public_url()
    {
        var customer = await CreateCustomer();
        var content = Documents.Pdf(12345);
        var process = await UploadId(customer, Documents.Form(content, documentType: "PASSPORT"));

        var shown = await Get(customer, process);

        Assert.Equal(process, (string?)shown["process_id"]);
        Assert.Equal("2023-01-27T03:44:52Z", (string?)shown["process_date"]);
        var document = shown["document"]!;
        Assert.Equal("application/pdf", (string?)document["media_type"]);
        Assert.Equal("my_id_document.pdf", (string?)document["name"]);
        Assert.Equal("PASSPORT", (string?)document["type"]);
        Assert.Equal(12345, (long)document["size_bytes"]!);
        var url = new Uri((string)document["public_url"]!);
        Assert.True(url.IsAbsoluteUri);
        Assert.StartsWith("/v4/orgs/telco/documents/", url.AbsolutePath);
        Assert.Contains("expires=", url.Query);
        Assert.Contains("signature=", url.Query);
        var expiresAt = DateTime.Parse((string)document["url_expiration_date"]!, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.InRange(expiresAt, DateTime.UtcNow.AddMinutes(14), DateTime.UtcNow.AddMinutes(16));
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("png")]
    [InlineData("jpeg")]
    public async Task The_public_url_serves_the_identical_bytes_without_an_API_key(string format)
    {
        var (content, mediaType) = format switch
        {
            "pdf" => (Documents.Pdf(200_000), "application/pdf"),
            "png" => (Documents.Png(200_000), "image/png"),
            _ => (Documents.Jpeg(200_000), "image/jpeg"),
        };
        var customer = await CreateCustomer();
        var process = await UploadId(customer, Documents.Form(content, mediaType, $"scan.{format}"));
        var url = await PublicUrl(customer, process);

        var download = await api.Client(key: null).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(mediaType, download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_public_url_of_a_deleted_customers_document_is_404()
    {
        var customer = await CreateCustomer();
        var process = await UploadId(customer, Documents.Form(Documents.Pdf(10_000), "application/pdf", "id.pdf"));
        var url = await PublicUrl(customer, process);
        Assert.Equal(HttpStatusCode.OK, (await api.Client(key: null).GetAsync(url)).StatusCode);

        await (await _client.DeleteAsync($"{Customers}/{customer}")).AssertStatus(HttpStatusCode.NoContent);

        await (await api.Client(key: null).GetAsync(url)).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task The_document_bytes_are_committed_to_PostgreSQL_when_the_upload_is_acknowledged()
    {
        var customer = await CreateCustomer();
        var content = Documents.Png(50_000);
        var process = await UploadId(customer, Documents.Form(content, "image/png", "id.png"));
        var documentId = Guid.Parse(new Uri(await PublicUrl(customer, process)).Segments[^1]);

        await using var database = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        await using var query = database.CreateCommand("SELECT content FROM customer_documents WHERE org = 'telco' AND document_id = $1 AND customer_id = $2");
        query.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = documentId });
        query.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.Parse(customer) });

        Assert.Equal(content, (byte[]?)await query.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_tampered_public_url_is_403()
    {
        var customer = await CreateCustomer();
        var process = await UploadId(customer, Documents.Form(Documents.Pdf()));
        var url = await PublicUrl(customer, process);
        var anonymous = api.Client(key: null);
        var signature = url[(url.IndexOf("signature=", StringComparison.Ordinal) + 10)..];
        var expires = long.Parse(url[(url.IndexOf("expires=", StringComparison.Ordinal) + 8)..url.IndexOf('&')]);
        var otherDocument = Guid.NewGuid().ToString();

        string[] tampered =
        [
            url.Replace($"signature={signature}", $"signature={(signature[0] == 'a' ? 'b' : 'a')}{signature[1..]}"),
            url.Replace($"expires={expires}", $"expires={expires + 3600}"),
            url.Replace(new Uri(url).Segments[^1], otherDocument),
            url.Replace("/orgs/telco/", "/orgs/other-telco/"),
            url[..url.IndexOf("&signature=", StringComparison.Ordinal)],
            url[..url.IndexOf('?')],
        ];

        foreach (var attempt in tampered)
        {
            await (await anonymous.GetAsync(attempt)).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        }
    }

    [Theory]
    [InlineData("text/plain", "plain text, not a document")]
    [InlineData("application/pdf", "plain text labelled as a PDF")]
    [InlineData("image/png", "GIF89a pretending to be a PNG")]
    public async Task Content_that_is_not_a_PDF_JPEG_or_PNG_is_400_whatever_its_declared_type(string mediaType, string text)
    {
        var customer = await CreateCustomer();

        var messages = await (await Upload(customer, Documents.Form(System.Text.Encoding.UTF8.GetBytes(text), mediaType))).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("file: "));
        Assert.Empty((await List(customer))["processes"]!.AsArray());
    }

    [Fact]
    public async Task A_declared_media_type_that_contradicts_the_content_is_400()
    {
        var customer = await CreateCustomer();

        var messages = await (await Upload(customer, Documents.Form(Documents.Png(), "application/pdf"))).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("file: "));
    }

    [Fact]
    public async Task An_upload_without_its_fields_is_400_with_one_entry_per_field()
    {
        var customer = await CreateCustomer();

        var form = Documents.Form(null, processDate: null, documentType: null);
        form.Add(new StringContent("unrelated"), "comment");

        var messages = await (await Upload(customer, form)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("process_date: "));
        Assert.Contains(messages, m => m.StartsWith("document_type: "));
        Assert.Contains(messages, m => m.StartsWith("file: "));
    }

    [Theory]
    [InlineData("27/01/2023", "NIF", "process_date: ")]
    [InlineData("2023-01-27T03:44:52Z", "DNI", "document_type: ")]
    [InlineData("2023-01-27T03:44:52Z\n", "NIF", "process_date: ")]
    [InlineData("2023-01-27T03:44:52Z", "NIF\n", "document_type: ")]
    [InlineData("2023-01-27T03:44:52Z", "nie", "document_type: ")]
    public async Task A_malformed_field_is_400_naming_it(string processDate, string documentType, string field)
    {
        var customer = await CreateCustomer();

        var messages = await (await Upload(customer, Documents.Form(Documents.Pdf(), processDate: processDate, documentType: documentType)))
            .AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith(field));
    }

    [Fact]
    public async Task A_document_of_exactly_10_MiB_is_accepted()
    {
        var customer = await CreateCustomer();

        var created = await (await Upload(customer, Documents.Form(Documents.Pdf(10 * 1024 * 1024)))).AssertStatus(HttpStatusCode.Created);

        var shown = await Get(customer, (string)created["process_id"]!);
        Assert.Equal(10 * 1024 * 1024, (long)shown["document"]!["size_bytes"]!);
    }

    [Fact]
    public async Task A_document_over_10_MiB_is_400_naming_the_file()
    {
        var customer = await CreateCustomer();

        var response = await Upload(customer, Documents.Form(Documents.Pdf((10 * 1024 * 1024) + 1)));

        var messages = await response.AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");
        Assert.Contains(messages, m => m.StartsWith("file: "));
        Assert.Empty((await List(customer))["processes"]!.AsArray());
    }

    [Fact]
    public async Task A_request_far_over_the_limit_is_400_naming_the_file()
    {
        var customer = await CreateCustomer();

        var response = await Upload(customer, Documents.Form(Documents.Pdf(12 * 1024 * 1024)));

        var messages = await response.AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");
        Assert.Contains(messages, m => m.StartsWith("file: "));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 abc")]
    public async Task A_multipart_body_that_breaks_off_or_never_starts_is_400(string body)
    {
        var customer = await CreateCustomer();
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=XYZ");

        var messages = await (await _client.PostAsync($"{Customers}/{customer}/identification-processes", content))
            .AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("body: "));
    }

    [Fact]
    public async Task A_form_with_more_fields_than_the_server_reads_is_400_naming_the_body()
    {
        var customer = await CreateCustomer();
        var form = Documents.Form(Documents.Pdf());
        for (var i = 0; i < 1100; i++)
        {
            form.Add(new StringContent("v"), $"f{i}");
        }

        var messages = await (await Upload(customer, form)).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("body: "));
    }

    [Fact]
    public async Task An_upload_that_is_not_multipart_is_400_asking_for_a_form()
    {
        var customer = await CreateCustomer();

        var messages = await (await _client.PostJson($"{Customers}/{customer}/identification-processes", new JsonObject { ["process_date"] = "2023-01-27T03:44:52Z" }))
            .AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Equal(["body: content type must be multipart/form-data"], messages);
    }

    [Fact]
    public async Task Unknown_customers_and_processes_are_404()
    {
        var customer = await CreateCustomer();
        var unknown = Guid.NewGuid();

        await (await _client.GetAsync($"{Customers}/{customer}/identification-processes/{unknown}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _client.GetAsync($"{Customers}/{unknown}/identification-processes")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await Upload(unknown.ToString(), Documents.Form(Documents.Pdf()))).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task A_process_of_another_customer_is_404()
    {
        var owner = await CreateCustomer();
        var process = await UploadId(owner, Documents.Form(Documents.Pdf()));

        await (await _client.GetAsync($"{Customers}/{await CreateCustomer()}/identification-processes/{process}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task A_process_id_that_is_not_a_UUID_is_400_naming_it()
    {
        var customer = await CreateCustomer();

        var messages = await (await _client.GetAsync($"{Customers}/{customer}/identification-processes/42")).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("process_id: "));
    }

    [Fact]
    public async Task A_key_without_the_identification_permission_is_403()
    {
        var customer = await CreateCustomer();
        var reader = api.Client(TestKeys.CustomersReader);

        await (await reader.GetAsync($"{Customers}/{customer}/identification-processes")).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await reader.PostAsync($"{Customers}/{customer}/identification-processes", Documents.Form(Documents.Pdf()))).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
    }

    private async Task<string> CreateCustomer() =>
        (string)(await (await _client.PostJson(Customers, Bodies.Private())).AssertStatus(HttpStatusCode.Created))["id"]!;

    private Task<HttpResponseMessage> Upload(string customer, MultipartFormDataContent form) =>
        _client.PostAsync($"{Customers}/{customer}/identification-processes", form);

    private async Task<string> UploadId(string customer, MultipartFormDataContent form) =>
        (string)(await (await Upload(customer, form)).AssertStatus(HttpStatusCode.Created))["process_id"]!;

    private async Task<JsonNode> List(string customer) =>
        await (await _client.GetAsync($"{Customers}/{customer}/identification-processes")).AssertStatus(HttpStatusCode.OK);

    private async Task<JsonNode> Get(string customer, string process) =>
        await (await _client.GetAsync($"{Customers}/{customer}/identification-processes/{process}")).AssertStatus(HttpStatusCode.OK);

    private async Task<string> PublicUrl(string customer, string process) =>
        (string)(await Get(customer, process))["document"]!["public_url"]!;
}
