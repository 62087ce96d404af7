using Customers.Api.Auth;
using Orleans.Dashboard;

namespace Customers.Silo.Hosting;

/// <summary>
/// The Orleans dashboard, mapped when an operator first opens it rather than at start. Mapping it
/// loads every asset the package embeds into memory and compresses each one: on an idle silo that
/// was 68 MB of resident memory (its script held twice, the assembly's pages read) and a fraction of
/// a second of start-up, paid by every silo whether or not anyone looks. The dashboard's routes live
/// in a branch of their own under the prefix, behind the same operator check as before.
/// </summary>
public static class DashboardOnFirstUse
{
    public static WebApplication MapDashboardOnFirstUse(this WebApplication app, string prefix)
    {
        var opened = app.Services.GetRequiredService<DashboardOpenings>();
        var keys = app.Services.GetRequiredService<ApiKeyRing>();
        app.Map(prefix, branch =>
        {
            var routes = branch.New();
            var pipeline = new Lazy<RequestDelegate>(() =>
            {
                routes.UseRouting();
                routes.UseMiddleware<ApiKeyMiddleware>();
                routes.UseEndpoints(endpoints => endpoints.MapOrleansDashboard().ExcludeFromDescription().RequiresOps());
                var built = routes.Build();
                opened.Opened = true;
                return built;
            });
            // Every path under the prefix is the operators', those the dashboard does not serve too.
            branch.Run(context => ApiKeyMiddleware.AsOperator(context, keys, context =>
            {
                // The page links its assets relatively, so it must be read as a folder.
                if (!context.Request.Path.HasValue)
                {
                    context.Response.Redirect($"{context.Request.PathBase}/{context.Request.QueryString}", permanent: true);
                    return Task.CompletedTask;
                }

                return pipeline.Value(context);
            }));
        });
        return app;
    }

    public static IServiceCollection AddDashboardOnFirstUse(this IServiceCollection services) =>
        services.AddSingleton<DashboardOpenings>();
}

/// <summary>Whether the dashboard's routes, and with them its assets, have been loaded.</summary>
public sealed class DashboardOpenings
{
    public bool Opened { get; internal set; }
}
