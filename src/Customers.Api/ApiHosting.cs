using Customers.Api.Accounts;
using Customers.Api.Auth;
using Customers.Api.Catalog;
using Customers.Api.Credentials;
using Customers.Api.Contracts;
using Customers.Api.Customers;
using Customers.Api.Events;
using Customers.Api.Http;
using Customers.Api.Identification;
using Customers.Api.OpenApi;
using Customers.Api.Privacy;
using Customers.Api.Promotions;
using Customers.Api.RateLimiting;
using Customers.Api.Tokenization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;

namespace Customers.Api;

public static class ApiHosting
{
    public const string ReadyTag = "ready";

    /// <summary>The HTTP front door's services: JSON shape, API keys, error envelope, OpenAPI.</summary>
    public static WebApplicationBuilder AddCustomersApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<JsonOptions>(o => ApiJson.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<ApiKeyOptions>(builder.Configuration.GetSection(ApiKeyOptions.Section));
        services.AddSingleton<DevelopmentKey>();
        services.AddSingleton<ApiKeyRing>();
        services.AddDocumentUrls(builder.Configuration);
        services.AddCustomersRateLimits(builder.Configuration);
        services.AddProxyHeaders(builder.Configuration);
        services.AddBodySizeLimit();
        services.AddRequestHeadLimits();
        services.AddExceptionHandler<ErrorHandling>();
        services.AddProblemDetails();
        services.AddHealthChecks();
        services.AddCustomersOpenApi();
        return builder;
    }

    public static WebApplication UseCustomersApi(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<ApiKeyRing>();
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages(EmptyErrorBodies.Write);
        app.UseCustomersRateLimits();
        app.UseCustomersOpenApi();
        app.UseRouting();
        app.UseMiddleware<BodySizeLimit>();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseMiddleware<ActorContextMiddleware>();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).GetOnly().NeedsNoKey();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).GetOnly().NeedsNoKey();

        var org = app.MapGroup("/v4/orgs/{org_id}");
        org.MapCustomerEndpoints();
        org.MapCatalogEndpoints();
        org.MapCredentialEndpoints();
        org.MapIdentificationEndpoints();
        org.MapAccountEndpoints();
        org.MapPromotionEndpoints();
        org.MapContractEndpoints();
        org.MapTokenizationEndpoints();
        org.MapPrivacyEndpoints();
        org.MapEventEndpoints();
        org.MapHubEndpoints();
        return app;
    }
}
