using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Customers.Api.OpenApi;

/// <summary>
/// Request and response examples kept as JSON files next to this class, named for the operation:
/// <c>Examples/{operationId}.request.json</c> and <c>Examples/{operationId}.{status}.json</c>.
/// </summary>
public sealed class ExamplesFilter : IOperationFilter
{
    private const string Prefix = "Customers.Api.OpenApi.Examples.";
    private static readonly Assembly Resources = typeof(ExamplesFilter).Assembly;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId is not { } id)
        {
            return;
        }

        if (Load($"{id}.request") is { } request && operation.RequestBody?.Content is { } bodies)
        {
            foreach (var media in bodies.Values.OfType<OpenApiMediaType>())
            {
                media.Example = request;
            }
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (Load($"{id}.{status}") is { } example && response.Content is { } contents)
            {
                foreach (var media in contents.Values.OfType<OpenApiMediaType>())
                {
                    media.Example = example;
                }
            }
        }
    }

    public static IEnumerable<string> Names() =>
        Resources.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..^".json".Length]);

    private static JsonNode? Load(string name)
    {
        using var stream = Resources.GetManifestResourceStream($"{Prefix}{name}.json");
        return stream is null ? null : JsonNode.Parse(stream);
    }
}
