using Customers.Api.Auth;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Customers.Api.OpenApi;

/// <summary>Operations without a resource permission (a signed document URL) need no API key: the document says so.</summary>
public sealed class PublicEndpointsFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ResourcePermission>().Any())
        {
            operation.Security = [];
        }
    }
}
