using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Customers.Tests.Infrastructure;

/// <summary>
/// The real service — silo, front door, ADO.NET providers — on the test PostgreSQL, reached through
/// its real HTTP pipeline. Each host gets its own cluster and service ids unless told to share
/// them, which is how a restart is simulated: a new host on the same ids reads what the old wrote.
/// </summary>
public sealed class ServiceHost : WebApplicationFactory<Program>
{
    public ServiceHost(
        string? serviceId = null,
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        ServiceId = serviceId ?? $"test-{Guid.NewGuid():N}";
        ExtraSettings = settings?.ToList() ?? [];
        ExtraServices = services;
    }

    public string ServiceId { get; }

    private List<KeyValuePair<string, string?>> ExtraSettings { get; }

    /// <summary>Replaces services of the real host, e.g. the identity provider.</summary>
    private Action<IServiceCollection>? ExtraServices { get; }

    public HttpClient ClientWithKey(string? key = TestKeys.Admin)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-API-Key", key);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Customers", TestDatabase.ConnectionString);
        builder.UseSetting("Orleans:ClusterId", ServiceId);
        builder.UseSetting("Orleans:ServiceId", ServiceId);
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString());
        foreach (var (key, value) in TestKeys.Settings().Concat(ExtraSettings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, AnsweredStatuses.Recorder>());
        if (ExtraServices is not null)
        {
            builder.ConfigureTestServices(ExtraServices);
        }

        // The service's own log levels apply; only the destination changes, so the scan sees what operators would.
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(new FileLoggerProvider(CapturedLogs.NewFile("host")));
        });
    }
}
