namespace Customers.Api.OpenApi;

/// <summary>An error status an endpoint answers beyond the ones its route and permission imply, and when.</summary>
public sealed record ErrorAnswer(int Status, string When);

/// <summary>A resource's tag and what it holds; the OpenAPI document lists each tag once with it.</summary>
public sealed record ResourceTag(string Name, string Description);

public static class OperationMetadataExtensions
{
    /// <summary>
    /// The operation's name in the contract's words (its operationId and the generated client's method),
    /// a one-line summary and a description.
    /// </summary>
    public static TBuilder Describe<TBuilder>(this TBuilder builder, string operationId, string summary, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithName(operationId).WithSummary(summary).WithDescription(description);

    /// <summary>Documents an error status this endpoint answers (409, or 404 on a route without an id).</summary>
    public static TBuilder Answers<TBuilder>(this TBuilder builder, int status, string when)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ErrorAnswer(status, when));

    /// <summary>Tags the endpoints with their resource and gives the tag its description.</summary>
    public static TBuilder Tagged<TBuilder>(this TBuilder builder, string name, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithTags(name).WithMetadata(new ResourceTag(name, description));
}
