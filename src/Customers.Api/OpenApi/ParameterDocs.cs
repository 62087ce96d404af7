using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Customers.Api.OpenApi;

/// <summary>What the contract says about each path, query and header parameter, by name.</summary>
public static class ParameterDocs
{
    private static readonly string[] UuidParameters =
        ["customer_id", "account_id", "promotion_account_id", "credential_id", "process_id", "reference_id", "subscription_id"];

    public static void Describe(OpenApiParameter parameter, SchemaRepository schemas, OpenApiDocument document)
    {
        var name = parameter.Name ?? "";
        (parameter.Description, parameter.Schema) = name switch
        {
            "org_id" => ("The tenant (organization name).", String(pattern: "^[a-z0-9][a-z0-9-]{0,49}$")),
            _ when UuidParameters.Contains(name) => ($"The {name[..^3].Replace('_', ' ')} id; not a UUID is 400.", String(format: "uuid")),
            "document_id" => ("The document id, as given in public_url.", String(format: "uuid")),
            "category_id" => ("The category id.", new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" }),
            "external_id" => ("The external (legacy) id, a decimal string; anything else is not found.", String()),
            "identity_document" => ("The document number, as stored (upper case); give its type too.", String()),
            "identity_document_type" => ("The document's type.", NamedEnums.Reference(NamedEnums.IdentityDocumentType, schemas, document)),
            "email" => ("The e-mail the customer authenticates with (credential username or digital e-mail), any case.", String()),
            "from" => ("First UTC day of the period (inclusive).", String(format: "date")),
            "to" => ("Last UTC day of the period (inclusive).", String(format: "date")),
            "start_date" => ("Operations recorded on or after this UTC day.", String(format: "date")),
            "account_promotion_type" => ("ACTIVATED (default; ACTIVE is a synonym), SCHEDULED or ALL.", NamedEnums.Reference(NamedEnums.PromotionListType, schemas, document)),
            "Idempotency-Key" => ("Replays the first answer for the same key and body within 24 h; another body with the key is 409.", String(maxLength: 64)),
            "expires" => ("Expiry of the signed URL, as given in public_url.", String()),
            "signature" => ("Signature of the URL, as given in public_url.", String()),
            "after" => ("Events after this position (default 0); a page's next_after continues it.", new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0" }),
            "limit" => ("At most this many events, 1..200 (default 50).", new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "200" }),
            "types" => ("Comma-separated type prefixes (at most 50, each at most 255 characters); only events whose type starts with one of them.", String()),
            _ => (parameter.Description, parameter.Schema),
        };
        if (name is "expires" or "signature")
        {
            // Bound as optional so a URL without them is the contract's 403, yet a valid one needs both.
            parameter.Required = true;
        }
    }

    private static OpenApiSchema String(string? format = null, string? pattern = null, int? maxLength = null) => new()
    {
        Type = JsonSchemaType.String,
        Format = format,
        Pattern = pattern,
        MaxLength = maxLength,
    };
}
