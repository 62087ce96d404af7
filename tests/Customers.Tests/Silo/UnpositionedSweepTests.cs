using Customers.Tests.Infrastructure;
using Npgsql;

namespace Customers.Tests.Silo;

/// <summary>
/// Events stored without their sequencer being told (a silo died between the commit and the nudge)
/// still get a position from the silo's sweep, whether or not a pass has seen their org before.
/// </summary>
public sealed class UnpositionedSweepTests
{
    [Fact]
    public async Task An_event_of_an_org_sequenced_before_gets_a_position_from_the_sweep()
    {
        await using var host = Host(fullSweep: TimeSpan.FromHours(1));
        var org = $"swept-{Guid.NewGuid():N}"[..16];
        await Pass(host.ServiceId, org);
        // Past the start's full look: only the look above each org's floor can find it.
        await Task.Delay(TimeSpan.FromSeconds(3));

        var id = await StoreWithoutNudge(host.ServiceId, org);

        Assert.Equal(1L, await Eventually.Until(() => PositionOf(id), p => p > 0));
    }

    [Fact]
    public async Task An_event_of_an_org_no_pass_has_seen_gets_a_position_from_the_full_sweep()
    {
        await using var host = Host(fullSweep: TimeSpan.FromSeconds(2));
        var org = $"unseen-{Guid.NewGuid():N}"[..16];
        _ = host.Server;

        var id = await StoreWithoutNudge(host.ServiceId, org);

        Assert.Equal(1L, await Eventually.Until(() => PositionOf(id), p => p > 0));
    }

    private static ServiceHost Host(TimeSpan fullSweep)
    {
        var host = new ServiceHost(settings:
        [
            new("Events:SweepInterval", "00:00:01"),
            new("Events:FullSweepInterval", fullSweep.ToString("c")),
        ]);
        _ = host.Server;
        return host;
    }

    private static Task Pass(string service, string org) =>
        TestDatabase.Count("SELECT count(*) FROM customer_events_sequence($1, $2, 500)", service, org);

    private static async Task<Guid> StoreWithoutNudge(string service, string org)
    {
        var id = Guid.NewGuid();
        await using var data = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        await using var command = data.CreateCommand("""
            INSERT INTO customer_events (id, service_id, org_id, type, occurred_at, actor)
            VALUES ($1, $2, $3, 'customer.updated', now(), 'test')
            """);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(service);
        command.Parameters.AddWithValue(org);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>The event's position, 0 while it has none.</summary>
    private static Task<long> PositionOf(Guid id) =>
        TestDatabase.Count("SELECT coalesce(position, 0) FROM customer_events WHERE id = $1", id);
}
