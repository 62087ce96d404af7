using Customers.Api;
using Customers.Silo.Hosting;
using Orleans.Dashboard;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddSettingsBesideTheBinary(builder.Environment);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.AddCustomersTelemetry();
builder.AddCustomersSilo();
builder.AddCustomersApi();

var app = builder.Build();
app.UseCustomersApi();
app.MapOrleansDashboard(routePrefix: "/dashboard").ExcludeFromDescription();
app.MapCustomersMetrics();
app.Run();

/// <summary>Entry point, visible to the integration tests' host factory.</summary>
public partial class Program;
