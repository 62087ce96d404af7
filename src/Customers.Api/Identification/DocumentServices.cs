using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Customers.Api.Identification;

public static class DocumentServices
{
    public static IServiceCollection AddDocumentUrls(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentsOptions>()
            .Bind(configuration.GetSection(DocumentsOptions.Section))
            .Validate(o => o.UrlTtl > TimeSpan.Zero, "Documents__UrlTtl must be positive.")
            .Validate(
                o => o.PublicBaseUrl is null || (Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)),
                "Documents__PublicBaseUrl must be an absolute http(s) URL.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DocumentUrlSigner>();
        return services;
    }
}
