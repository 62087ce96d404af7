using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customers.Api.Auth;
using Customers.Api.OpenApi;
using Customers.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Customers.Tests.Http.OpenApi;

[Collection(ApiCollection.Name)]
public class OpenApiDocumentTests(ApiHostFixture api)
{
    /// <summary>Operations the contract says can answer 409, by operationId.</summary>
    private static readonly string[] Conflicting =
    [
        "createCustomer", "updateCustomer", "deleteCustomer", "convertNieToNif", "createAccount", "deleteAccount",
        "getAvailablePaymentMethods", "updatePaymentMethod", "createPromotion", "cancelPromotion", "createCategories",
        "updateCategory", "addCustomerCategory", "updateSpecialTreatment", "createCredential", "migrateCredential",
        "activateCredential", "changeCredentialUsername", "recordTokenizationResult",
    ];

    /// <summary>What the contract says a few operations answer beyond what their route and key imply.</summary>
    private static readonly Dictionary<string, int[]> Particular = new()
    {
        ["searchCustomer"] = [404],
        ["downloadDocument"] = [403],
    };

    [Fact]
    public async Task The_committed_document_is_the_one_the_service_serves()
    {
        var served = await (await api.Client(key: null).GetAsync(OpenApiSetup.DocumentPath)).Content.ReadAsStringAsync();
        var committed = Path.Combine(RepositoryPaths.Root, "clients", "openapi.json");
        if (Environment.GetEnvironmentVariable("CUSTOMERS_WRITE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(committed, served);
        }

        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(served), JsonNode.Parse(await File.ReadAllTextAsync(committed))),
            "clients/openapi.json differs from the served document: run scripts/openapi.sh and commit the result");
    }

    [Fact]
    public void Every_API_endpoint_has_an_operation_id_a_summary_a_description_and_a_described_tag()
    {
        var endpoints = ApiEndpoints().ToList();
        var described = endpoints.SelectMany(e => e.Metadata.OfType<ResourceTag>()).Select(t => t.Name).ToHashSet();

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, endpoint =>
        {
            var pattern = endpoint.RoutePattern.RawText;
            Assert.False(string.IsNullOrWhiteSpace(endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName), $"{pattern}: no operationId");
            Assert.False(string.IsNullOrWhiteSpace(endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary), $"{pattern}: no summary");
            Assert.False(string.IsNullOrWhiteSpace(endpoint.Metadata.GetMetadata<IEndpointDescriptionMetadata>()?.Description), $"{pattern}: no description");
            var tags = endpoint.Metadata.GetMetadata<ITagsMetadata>()?.Tags ?? [];
            Assert.NotEmpty(tags);
            Assert.All(tags, tag => Assert.Contains(tag, described));
        });
    }

    [Fact]
    public async Task Every_operation_documents_the_error_statuses_its_endpoint_can_answer_with_the_envelope()
    {
        var document = await Document();
        var missing = new List<string>();
        foreach (var endpoint in ApiEndpoints())
        {
            var id = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName;
            var operation = Operation(document, id);
            var responses = operation["responses"]!.AsObject();
            foreach (var status in Expected(endpoint, id))
            {
                var response = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
                var schema = response?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>();
                if (schema != "#/components/schemas/ErrorEnvelope")
                {
                    missing.Add($"{id} {status}");
                }
            }
        }

        Assert.True(missing.Count == 0, "undocumented: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Every_keyed_operation_names_its_permission_and_documents_429_with_Retry_After()
    {
        var document = await Document();

        Assert.All(ApiEndpoints().Where(e => e.Metadata.GetMetadata<ResourcePermission>() is not null), endpoint =>
        {
            var id = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName;
            var operation = Operation(document, id);
            var access = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single() == "GET" ? "read" : "write";
            Assert.Contains($"`{endpoint.Metadata.GetMetadata<ResourcePermission>()!.Resource}:{access}`", (string?)operation["description"]);
            Assert.NotNull(operation["responses"]!["429"]!["headers"]!["Retry-After"]);
            Assert.Contains("MCUS.999.992", (string?)operation["responses"]!["429"]!["description"]);
        });
    }

    [Fact]
    public async Task The_document_declares_the_API_key_and_basic_schemes_and_the_local_server()
    {
        var document = await Document();

        Assert.Equal("apiKey", (string?)document["components"]!["securitySchemes"]!["ApiKey"]!["type"]);
        Assert.Equal("basic", (string?)document["components"]!["securitySchemes"]!["OpsBasic"]!["scheme"]);
        Assert.Equal(OpenApiSetup.LocalServer, (string?)document["servers"]![0]!["url"]);
    }

    [Fact]
    public async Task The_create_customer_operation_carries_the_contracts_request_and_response_examples()
    {
        var operation = Operation(await Document(), "createCustomer");

        Assert.Equal("PRIVATE_CUSTOMER", (string?)operation["requestBody"]!["content"]!["application/json"]!["example"]!["type"]);
        Assert.NotNull(operation["responses"]!["201"]!["content"]!["application/json"]!["example"]!["external_id"]);
    }

    [Fact]
    public async Task A_document_type_is_one_named_value_set_shared_by_the_body_the_search_and_the_upload()
    {
        var document = await Document();
        const string Reference = "#/components/schemas/IdentityDocumentType";

        Assert.Equal(["NIF", "NIE", "CIF", "PASSPORT"], document["components"]!["schemas"]!["IdentityDocumentType"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(Reference, (string?)document["components"]!["schemas"]!["IdentityDocument"]!["properties"]!["type"]!["$ref"]);
        var search = Operation(document, "searchCustomer")["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "identity_document_type")!;
        Assert.Equal(Reference, (string?)search["schema"]!["$ref"]);
        var form = Operation(document, "createIdentificationProcess")["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!;
        Assert.Equal(Reference, (string?)form["properties"]!["document_type"]!["$ref"]);
    }

    [Fact]
    public async Task The_upload_documents_its_form_fields_all_required_and_the_file_as_binary()
    {
        var form = Operation(await Document(), "createIdentificationProcess")["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!;

        Assert.Equal(["process_date", "document_type", "file"], form["required"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("binary", (string?)form["properties"]!["file"]!["format"]);
    }

    [Fact]
    public async Task No_schema_closes_its_object_to_properties_it_does_not_list_as_the_service_ignores_them()
    {
        var schemas = (await Document())["components"]!["schemas"]!.AsObject();

        Assert.All(schemas, schema => Assert.NotEqual("false", schema.Value?["additionalProperties"]?.ToJsonString()));
    }

    [Fact]
    public async Task The_feed_pages_by_integer_positions_and_limits()
    {
        var parameters = Operation(await Document(), "listEvents")["parameters"]!.AsArray();

        var after = parameters.Single(p => (string?)p!["name"] == "after")!["schema"]!;
        var limit = parameters.Single(p => (string?)p!["name"] == "limit")!["schema"]!;
        Assert.Equal(("integer", 0), ((string?)after["type"], (int)after["minimum"]!));
        Assert.Equal(("integer", 1, 200), ((string?)limit["type"], (int)limit["minimum"]!, (int)limit["maximum"]!));
    }

    [Fact]
    public async Task The_document_download_declares_its_binary_content_and_needs_the_signed_parameters()
    {
        var download = Operation(await Document(), "downloadDocument");

        var content = download["responses"]!["200"]!["content"]!.AsObject();
        Assert.Equal(["application/pdf", "image/jpeg", "image/png"], content.Select(c => c.Key).Order());
        Assert.All(content, c => Assert.Equal("binary", (string?)c.Value!["schema"]!["format"]));
        Assert.All(
            download["parameters"]!.AsArray().Where(p => (string?)p!["name"] is "expires" or "signature"),
            p => Assert.True((bool)p!["required"]!));
    }

    [Fact]
    public async Task A_credential_expiration_is_a_required_nullable_date()
    {
        var body = Operation(await Document(), "updateCredentialExpiration")["requestBody"]!["content"]!["application/json"]!["schema"]!;
        var schema = body["$ref"] is { } reference
            ? (await Document())["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!
            : body;

        Assert.Equal(["expiration_date"], schema["required"]!.AsArray().Select(v => (string?)v));
        var date = schema["properties"]!["expiration_date"]!;
        Assert.Equal(("string", "date", true), ((string?)date["type"], (string?)date["format"], (bool)date["nullable"]!));
    }

    [Fact]
    public async Task A_postal_address_the_answer_lists_as_null_is_one_the_document_admits()
    {
        var client = api.Client();
        var created = await (await client.PostJson("/v4/orgs/telco/customers", Bodies.Corporate())).AssertStatus(HttpStatusCode.Created);
        var customer = await (await client.GetAsync($"/v4/orgs/telco/customers/{created["id"]}")).AssertStatus(HttpStatusCode.OK);
        var schemas = (await Document())["components"]!["schemas"]!;

        Assert.Equal(JsonValueKind.Null, customer["contact_info"]!.AsObject()["postal_address"]?.GetValueKind() ?? JsonValueKind.Null);
        Assert.True(customer["contact_info"]!.AsObject().ContainsKey("postal_address"));
        var reference = (string)schemas["ContactInfo"]!["properties"]!["postal_address"]!["$ref"]!;
        Assert.True((bool?)schemas[reference.Split('/')[^1]]!["nullable"]);
    }

    [Theory]
    [InlineData("PRIVATE_CUSTOMER")]
    [InlineData("CORPORATE_CUSTOMER")]
    [InlineData("DIGITAL_CUSTOMER")]
    public async Task A_customer_answer_carries_every_field_its_schema_requires(string type)
    {
        var client = api.Client();
        var body = type switch { "PRIVATE_CUSTOMER" => Bodies.Private(), "CORPORATE_CUSTOMER" => Bodies.Corporate(), _ => Bodies.Digital() };
        var created = await (await client.PostJson("/v4/orgs/telco/customers", body)).AssertStatus(HttpStatusCode.Created);
        var customer = (await (await client.GetAsync($"/v4/orgs/telco/customers/{created["id"]}")).AssertStatus(HttpStatusCode.OK)).AsObject();
        var schemas = (await Document())["components"]!["schemas"]!;

        var required = schemas["CustomerView"]!["required"]!.AsArray().Select(n => (string)n!).ToList();
        Assert.Superset(new HashSet<string> { "id", "external_id", "type", "status", "created_at", "updated_at" }, required.ToHashSet());
        Assert.All(required, name => Assert.True(customer.ContainsKey(name), $"{type}: {name} is required but absent"));
        Assert.All(schemas["CustomerCreated"]!["required"]!.AsArray(), name => Assert.NotNull(created[(string)name!]));
    }

    [Fact]
    public async Task A_schema_a_request_body_uses_requires_nothing_of_answers()
    {
        var schemas = (await Document())["components"]!["schemas"]!;

        Assert.Null(schemas["Address"]!["required"]);
        Assert.Null(schemas["PaymentMethod"]!["required"]);
        Assert.Null(schemas["CreateCustomerRequest"]!["required"]);
    }

    [Fact]
    public async Task Every_example_file_lands_on_an_operation_of_the_document()
    {
        var document = await Document();

        Assert.NotEmpty(ExamplesFilter.Names());
        Assert.All(ExamplesFilter.Names(), name =>
        {
            var operationId = name[..name.IndexOf('.', StringComparison.Ordinal)];
            var part = name[(operationId.Length + 1)..];
            var operation = Operation(document, operationId);
            var media = part == "request" ? operation["requestBody"]?["content"] : operation["responses"]?[part]?["content"];
            Assert.True(media?.AsObject().Any(m => m.Value?["example"] is not null) == true, $"{name}: no such request or response");
        });
    }

    private IEnumerable<RouteEndpoint> ApiEndpoints() =>
        api.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/v4/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription != true);

    /// <summary>What an endpoint can answer, derived from the endpoint and the contract rather than from the document's filter.</summary>
    private static IEnumerable<int> Expected(RouteEndpoint endpoint, string operationId)
    {
        yield return 400;
        yield return 500;
        yield return 503;
        yield return 504;
        if (endpoint.Metadata.GetMetadata<ResourcePermission>() is not null)
        {
            yield return 401;
            yield return 403;
            yield return 429;
        }

        if (endpoint.RoutePattern.Parameters.Any(p => p.Name != "org_id"))
        {
            yield return 404;
        }

        if (Conflicting.Contains(operationId))
        {
            yield return 409;
        }

        // Contract §12: no body over 1 MiB, except the upload, whose file limit is a 400 naming the file.
        if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH") == true
            && operationId != "createIdentificationProcess")
        {
            yield return 413;
        }

        foreach (var status in Particular.GetValueOrDefault(operationId, []))
        {
            yield return status;
        }
    }

    private static JsonNode Operation(JsonNode document, string operationId) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(method => method.Value!))
            .SingleOrDefault(operation => (string?)operation["operationId"] == operationId)
        ?? throw new Xunit.Sdk.XunitException($"no operation {operationId} in the document");

    private async Task<JsonNode> Document() =>
        await (await api.Client(key: null).GetAsync(OpenApiSetup.DocumentPath)).AssertStatus(HttpStatusCode.OK);
}
