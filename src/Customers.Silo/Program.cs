using System.Globalization;
using Customers.Api;
using Customers.Api.Hosting;
using Customers.Silo.Hosting;
using Microsoft.Extensions.Options;

// Culture-independent formatting whatever the host's locale; ICU is loaded for Unicode normalisation only.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

// Settings are read once, at start. The host's default would watch its content root, the directory the silo
// was started from, with every folder under it: started beside PostgreSQL's data, the watcher woke on each
// WAL write (5 % of the silo's CPU under writes). An argument of the caller's own still turns it back on.
var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
builder.Configuration.AddSettingsBesideTheBinary(builder.Environment);
if (StartupChecks.Problems(builder.Configuration, builder.Environment).Concat(SettingsConversion.Problems(builder.Configuration)).ToList() is { Count: > 0 } problems)
{
    // One line each, on standard error, and no stack trace: the operator's fix is a setting.
    problems.ForEach(Console.Error.WriteLine);
    return 1;
}

if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.AddCustomersTelemetry();
builder.AddCustomersSilo();
builder.AddCustomersApi();

try
{
    var app = builder.Build();

    // Every options rule is checked here, before the pipeline reads any options and before anything starts.
    app.Services.GetService<IStartupValidator>()?.Validate();
    app.UseCustomersApi();
    app.MapDashboardOnFirstUse("/dashboard");
    app.MapCustomersMetrics();
    app.Run();
}
catch (Exception e) when (SettingRules.RunAsProcess && SettingRules.Failures(e) is { Count: > 0 } failures)
{
    // A setting that converts but breaks its rule, or a schema this silo may not apply that is behind
    // it: one line each, as above. A host that runs this entry point in its own process (the
    // integration tests' factory) is given the exception.
    failures.ForEach(Console.Error.WriteLine);
    return 1;
}

return 0;

/// <summary>Entry point, visible to the integration tests' host factory.</summary>
public partial class Program;
