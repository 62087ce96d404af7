using Customers.Api.Auth;
using Customers.Api.Http;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Customers.Api.OpenApi;

public static class OpenApiSetup
{
    private const string SchemeId = "ApiKey";

    public static IServiceCollection AddCustomersOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        var json = new System.Text.Json.JsonSerializerOptions();
        ApiJson.Configure(json);
        // Schemas are described with the same snake_case options the endpoints write with.
        services.AddSingleton<ISerializerDataContractResolver>(new JsonSerializerDataContractResolver(json));
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo { Title = "Customers API", Version = "v4" });
            o.CustomSchemaIds(t => t.FullName!.Replace('+', '.'));
            o.AddSecurityDefinition(SchemeId, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyMiddleware.HeaderName,
                Description = "API key; permissions are <resource>:read and <resource>:write.",
            });
            o.OperationFilter<PublicEndpointsFilter>();
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(SchemeId, document)] = [],
            });
        });
        return services;
    }

    public static WebApplication UseCustomersOpenApi(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o => o.SwaggerEndpoint("/swagger/v1/swagger.json", "Customers API v4"));
        return app;
    }
}
