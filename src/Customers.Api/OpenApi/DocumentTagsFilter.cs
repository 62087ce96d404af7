using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Customers.Api.OpenApi;

/// <summary>Lists every resource tag once, with the description its endpoints carry.</summary>
public sealed class DocumentTagsFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var tags = context.ApiDescriptions
            .SelectMany(d => d.ActionDescriptor.EndpointMetadata.OfType<ResourceTag>())
            .DistinctBy(t => t.Name)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new OpenApiTag { Name = t.Name, Description = t.Description });
        document.Tags = new HashSet<OpenApiTag>(tags);
    }
}
