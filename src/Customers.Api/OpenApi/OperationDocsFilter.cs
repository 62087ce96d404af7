using System.Text.Json.Nodes;
using Customers.Api.Auth;
using Customers.Api.Http;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Customers.Api.OpenApi;

/// <summary>
/// Completes each operation from its endpoint's metadata: the permission it needs, every error
/// status it can answer in the contract's envelope (with the code it carries), and no key where
/// it needs none.
/// </summary>
public sealed class OperationDocsFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var permission = metadata.OfType<ResourcePermission>().FirstOrDefault();
        if (permission is null)
        {
            // A signed document URL is its own authorisation.
            operation.Security = [];
        }
        else
        {
            var access = string.Equals(context.ApiDescription.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase) ? "read" : "write";
            operation.Description = $"{operation.Description}\n\nPermission: `{permission.Resource}:{access}`.".TrimStart();
        }

        if (metadata.OfType<FormBody>().FirstOrDefault() is { } form)
        {
            operation.RequestBody = form.ToRequestBody(context.SchemaRepository, context.Document);
        }

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            ParameterDocs.Describe(parameter, context.SchemaRepository, context.Document);
        }

        var envelope = context.SchemaGenerator.GenerateSchema(typeof(ErrorEnvelope), context.SchemaRepository);
        operation.Responses ??= [];
        var route = "/" + (context.ApiDescription.RelativePath ?? "").Split('?')[0];
        foreach (var (status, when) in ErrorResponses.For(route, [.. metadata]))
        {
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Response(ErrorResponses.Of(status), when, envelope);
        }
    }

    private static OpenApiResponse Response(ErrorResponses.Error error, string when, IOpenApiSchema envelope)
    {
        var response = new OpenApiResponse
        {
            Description = $"{error.Code} {error.Title}: {when}",
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/json"] = new OpenApiMediaType
                {
                    Schema = envelope,
                    Example = Example(error),
                },
            },
        };
        if (error.Status == StatusCodes.Status429TooManyRequests)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Whole seconds to wait before retrying.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                },
            };
        }

        return response;
    }

    private static JsonNode Example(ErrorResponses.Error error) => new JsonObject
    {
        ["errors"] = new JsonArray(new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = error.Code,
                ["title"] = error.Title,
                ["ref"] = "http://",
                ["message"] = error.Status switch
                {
                    400 => "contact_info.emails[0].email: must be a valid e-mail address",
                    401 => "missing or unknown API key",
                    403 => "the API key lacks the permission customers:write",
                    404 => "customer not found",
                    409 => "identity document already belongs to another customer",
                    413 => "body: must be at most 1048576 bytes",
                    429 => "too many requests",
                    500 => "unexpected error",
                    503 => "connection lost",
                    _ => "statement timeout",
                },
            },
        }),
    };
}
