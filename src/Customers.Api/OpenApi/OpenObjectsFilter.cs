using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Customers.Api.OpenApi;

/// <summary>
/// The service ignores properties it does not know, so no object is closed to them: a generated
/// client that refused them would refuse answers that later versions add fields to. The one body
/// read as raw JSON (a credential's expiration, where null and absent differ) gets its real type.
/// </summary>
public sealed class OpenObjectsFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: not null } open)
        {
            return;
        }

        open.AdditionalPropertiesAllowed = true;
        if (SchemaIds.For(context.Type) == "ExpirationRequest" && open.Properties.ContainsKey("expiration_date"))
        {
            open.Properties["expiration_date"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String | JsonSchemaType.Null,
                Format = "date",
                Description = "The last day the credential is valid (yyyy-MM-dd), or null to remove it. Required.",
            };
            open.Required = new HashSet<string> { "expiration_date" };
        }
    }
}
