using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Customers.Api.OpenApi;

/// <summary>
/// An object property the answers list even when it is null (a customer's <c>postal_address</c>) is
/// a reference to another schema, and OpenAPI 3.0 cannot mark a reference nullable where it is used:
/// only the schema it refers to. So that schema admits null, and a client reading the answer takes
/// the null the service writes.
/// </summary>
public sealed class ListedNullsFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema.Properties is null)
        {
            return;
        }

        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Never }
                || !context.SchemaRepository.TryLookupByType(property.PropertyType, out var reference)
                || context.SchemaRepository.Schemas.GetValueOrDefault(reference.Reference.Id ?? "") is not OpenApiSchema referred)
            {
                continue;
            }

            referred.Type |= JsonSchemaType.Null;
        }
    }
}
