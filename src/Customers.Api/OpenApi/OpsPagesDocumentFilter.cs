using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Customers.Api.OpenApi;

/// <summary>
/// Describes the Prometheus scrape page, which is no API endpoint of its own: it takes the key as
/// <c>X-API-Key</c> or as the password of HTTP Basic credentials, so a scraper can use it.
/// </summary>
public sealed class OpsPagesDocumentFilter : IDocumentFilter
{
    public const string Tag = "Operations";

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var envelope = context.SchemaGenerator.GenerateSchema(typeof(Http.ErrorEnvelope), context.SchemaRepository);
        var metrics = new OpenApiOperation
        {
            OperationId = "getMetrics",
            Summary = "Scrape the metrics",
            Description = "ASP.NET Core, Orleans, Npgsql and .NET runtime metrics in Prometheus text format.\n\nPermission: `ops:read`.",
            Tags = new HashSet<OpenApiTagReference> { new(Tag, document) },
            Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiSetup.ApiKeyScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiSetup.OpsBasicScheme, document)] = [] },
            ],
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse
                {
                    Description = "The metrics.",
                    Content = new Dictionary<string, IOpenApiMediaType>
                    {
                        ["text/plain"] = new OpenApiMediaType
                        {
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                            Example = JsonValue.Create("# TYPE http_server_active_requests gauge\nhttp_server_active_requests 0\n"),
                        },
                    },
                },
                ["401"] = Error(401, "No key, or an unknown one; the answer carries `WWW-Authenticate: Basic realm=\"customers-ops\"`.", envelope),
                ["403"] = Error(403, "The key lacks `ops:read`.", envelope),
            },
        };
        document.Paths.Add("/metrics", new OpenApiPathItem { Operations = new() { [HttpMethod.Get] = metrics } });
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = Tag, Description = "Operator pages outside the versioned API." });
    }

    private static OpenApiResponse Error(int status, string when, IOpenApiSchema envelope)
    {
        var error = ErrorResponses.Of(status);
        return new OpenApiResponse
        {
            Description = $"{error.Code} {error.Title}: {when}",
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = envelope } },
        };
    }
}
