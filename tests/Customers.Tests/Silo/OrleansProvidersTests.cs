using Customers.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Customers.Tests.Silo;

/// <summary>Each of the three ADO.NET providers working on the project's own PostgreSQL schema.</summary>
public class OrleansProvidersTests
{
    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_after_it()
    {
        var serviceId = $"reminder-{Guid.NewGuid():N}";
        var probe = Guid.NewGuid().ToString("N");
        await using (var first = new ServiceHost(serviceId))
        {
            await Grains(first).GetGrain<IReminderProbeGrain>(probe).Arm(TimeSpan.FromSeconds(4));
        }

        Assert.False(ReminderProbeGrain.Fired.ContainsKey(probe));
        await using var second = new ServiceHost(serviceId);
        _ = second.Server;

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!ReminderProbeGrain.Fired.ContainsKey(probe) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.True(ReminderProbeGrain.Fired.ContainsKey(probe), "the reminder did not fire on the restarted silo");
    }

    [Fact]
    public async Task Two_silos_on_one_database_see_each_other_as_active()
    {
        var clusterId = $"pair-{Guid.NewGuid():N}";
        await using var first = new ServiceHost(clusterId);
        _ = first.Server;
        await using var second = new ServiceHost(clusterId);
        _ = second.Server;

        var management = Grains(first).GetGrain<IManagementGrain>(0);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var active = 0;
        while (DateTime.UtcNow < deadline)
        {
            active = (await management.GetHosts(onlyActive: true)).Count;
            if (active == 2)
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.Equal(2, active);
    }

    [Fact]
    public async Task The_schema_is_recorded_once_however_many_silos_apply_it_together()
    {
        var fresh = await TestDatabase.CreateFresh("schema");
        var hosts = Enumerable.Range(0, 3).Select(_ => new ServiceHost(settings: [new("ConnectionStrings:Customers", fresh)])).ToList();
        try
        {
            await Task.WhenAll(hosts.Select(h => Task.Run(() => h.Server)));

            await using var data = NpgsqlDataSource.Create(fresh);
            var versions = await data.CreateCommand("SELECT count(*), count(DISTINCT version) FROM customers_schema_migrations").ExecuteReaderAsync();
            await versions.ReadAsync();
            Assert.True(versions.GetInt64(0) > 0);
            Assert.Equal(versions.GetInt64(0), versions.GetInt64(1));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static IGrainFactory Grains(ServiceHost host) => host.Services.GetRequiredService<IGrainFactory>();
}
