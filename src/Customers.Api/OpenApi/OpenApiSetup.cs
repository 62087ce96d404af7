using Customers.Api.Auth;
using Customers.Api.Http;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Customers.Api.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentRoot = "/swagger";
    public const string DocumentPath = DocumentRoot + "/v1/swagger.json";
    public const string LocalServer = "http://127.0.0.1:5080";
    public const string ApiKeyScheme = "ApiKey";
    public const string OpsBasicScheme = "OpsBasic";

    public static IServiceCollection AddCustomersOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        var json = new System.Text.Json.JsonSerializerOptions();
        ApiJson.Configure(json);
        // Schemas are described with the same snake_case options the endpoints write with.
        services.AddSingleton<ISerializerDataContractResolver>(new JsonSerializerDataContractResolver(json));
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Customers API",
                Version = "v4",
                Description = "Customers (private, corporate, digital), their accounts, contracts, promotions, categories, "
                    + "credentials and identification documents, per org. Every 4xx/5xx body is the error envelope "
                    + "`{\"errors\":[{\"error\":{code,title,ref,message}}]}`; each operation lists the statuses it answers and their codes.",
            });
            o.AddServer(new OpenApiServer { Url = LocalServer, Description = "The local service started by ./run.sh" });
            o.CustomSchemaIds(SchemaIds.For);
            o.AddSecurityDefinition(ApiKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyMiddleware.HeaderName,
                Description = "API key; each operation names the permission it needs (`<resource>:read` for GET, `<resource>:write` otherwise, `*` grants all).",
            });
            o.AddSecurityDefinition(OpsBasicScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "basic",
                Description = "For the operator pages (/metrics and the Orleans monitoring UI): any user name, the API key as password; the key needs `ops:read`.",
            });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [],
            });
            o.SchemaFilter<EnumValuesFilter>();
            o.SchemaFilter<OpenObjectsFilter>();
            o.SchemaFilter<ListedNullsFilter>();
            o.OperationFilter<OperationDocsFilter>();
            o.OperationFilter<ExamplesFilter>();
            o.DocumentFilter<DocumentTagsFilter>();
            o.DocumentFilter<RequiredAnswerFieldsFilter>();
            o.DocumentFilter<OpsPagesDocumentFilter>();
        });
        return services;
    }

    public static WebApplication UseCustomersOpenApi(this WebApplication app)
    {
        // Both middlewares match every request's path (the UI's with a regular expression built per
        // request): only requests under /swagger reach them.
        app.UseWhen(http => http.Request.Path.StartsWithSegments(DocumentRoot), swagger =>
        {
            swagger.UseSwagger();
            swagger.UseSwaggerUI(o => o.SwaggerEndpoint(DocumentPath, "Customers API v4"));
        });
        return app;
    }
}
