using Microsoft.Extensions.Configuration.Json;

namespace Customers.Silo.Hosting;

public static class SettingsFiles
{
    /// <summary>
    /// The silo is started as <c>dotnet …/Customers.Silo.dll</c> from any directory, where the content
    /// root holds no appsettings.json. The copy beside the binary is then read instead, at the same
    /// precedence: environment variables still override it.
    /// </summary>
    public static void AddSettingsBesideTheBinary(this ConfigurationManager configuration, IHostEnvironment environment)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(Path.Combine(environment.ContentRootPath, "appsettings.json")) || !File.Exists(beside))
        {
            return;
        }

        var sources = configuration.Sources;
        var afterLastJson = sources.Select((s, i) => (s, i)).Where(x => x.s is JsonConfigurationSource).Select(x => x.i + 1).DefaultIfEmpty(0).Max();
        var source = new JsonConfigurationSource { Path = beside, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        sources.Insert(afterLastJson, source);
    }
}
