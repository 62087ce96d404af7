using Customers.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Customers.Tests.Operations;

/// <summary>
/// Settings are read at start. A reload watcher would watch the directory the silo is started from and
/// every folder under it, which can be PostgreSQL's data directory.
/// </summary>
[Collection(ApiCollection.Name)]
public class SettingsWatchTests(ApiHostFixture api)
{
    [Fact]
    public void The_settings_files_are_read_at_start_and_not_watched_for_changes()
    {
        var configuration = (IConfigurationRoot)api.Host.Services.GetRequiredService<IConfiguration>();

        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();

        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched"));
    }
}
