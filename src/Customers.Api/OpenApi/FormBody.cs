using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Customers.Api.OpenApi;

/// <summary>
/// One part of a <c>multipart/form-data</c> body: a text field, a file when its format is binary,
/// or one of a closed value set (<see cref="NamedEnums"/>).
/// </summary>
public sealed record FormField(string Name, string Description, string? Format = null, string? ValueSet = null);

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

    private static IOpenApiSchema Schema(FormField field, SchemaRepository schemas, OpenApiDocument document) =>
        field.ValueSet is { } set
            ? NamedEnums.Reference(set, schemas, document)
            : new OpenApiSchema { Type = JsonSchemaType.String, Format = field.Format, Description = field.Description };
}

public static class FormBodyExtensions
{
    /// <summary>Documents the endpoint's <c>multipart/form-data</c> body; the endpoint reads and checks the form itself.</summary>
    public static TBuilder AcceptsForm<TBuilder>(this TBuilder builder, params FormField[] fields)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new FormBody(fields));
}
