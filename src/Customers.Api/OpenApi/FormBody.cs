using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Customers.Api.OpenApi;

/// <summary>
/// One part of a <c>multipart/form-data</c> body: a text field, or a file when its format is binary.
/// A closed value set is a named schema (<paramref name="ValuesSchemaId"/>), so generated clients
/// give its enum a name of the contract's rather than one made from the field.
/// </summary>
public sealed record FormField(string Name, string Description, string? Format = null, string[]? Values = null, string? ValuesSchemaId = null);

/// <summary>
/// A <c>multipart/form-data</c> body, every part required. Kept as metadata for the document only:
/// declared as accepted content, the route would answer any other content type with the router's
/// 415 before the endpoint could name the rule in the contract's 400.
/// </summary>
public sealed record FormBody(IReadOnlyList<FormField> Fields)
{
    public const string MediaType = "multipart/form-data";

    public OpenApiRequestBody ToRequestBody(SchemaRepository schemas, OpenApiDocument document) => new()
    {
        Required = true,
        Content = new Dictionary<string, IOpenApiMediaType>
        {
            [MediaType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = Fields.Select(f => f.Name).ToHashSet(),
                    Properties = Fields.ToDictionary(f => f.Name, f => Schema(f, schemas, document)),
                },
            },
        },
    };

    private static IOpenApiSchema Schema(FormField field, SchemaRepository schemas, OpenApiDocument document)
    {
        if (field.Values is null || field.ValuesSchemaId is not { } id)
        {
            return new OpenApiSchema { Type = JsonSchemaType.String, Format = field.Format, Description = field.Description };
        }

        if (!schemas.Schemas.ContainsKey(id))
        {
            schemas.AddDefinition(id, new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = field.Values.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
            });
        }

        return new OpenApiSchemaReference(id, document);
    }
}

public static class FormBodyExtensions
{
    /// <summary>Documents the endpoint's <c>multipart/form-data</c> body; the endpoint reads and checks the form itself.</summary>
    public static TBuilder AcceptsForm<TBuilder>(this TBuilder builder, params FormField[] fields)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new FormBody(fields));
}
