using System.Text.Json;
using Customers.Grains.Events;
using Npgsql;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Customers.Silo.Events;

/// <summary>
/// The <c>customer_events</c> table. Feed reads first ask the org's sequencer to position what is
/// already stored, so a caller reads its own writes; then they read positioned rows only.
/// </summary>
public sealed class PostgresEventStore(NpgsqlDataSource dataSource, IGrainFactory grains, IOptions<ClusterOptions> cluster) : IEventStore, IEventFeed
{
    private readonly string _service = cluster.Value.ServiceId;

    private const string Columns = "id, position, type, org_id, customer_id, account_id, occurred_at, actor, changes";

    public async Task<IReadOnlyList<CustomerEvent>> Sequence(string org, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM customer_events_sequence(@service, @org, @limit)");
        command.Parameters.AddWithValue("service", _service);
        command.Parameters.AddWithValue("org", org);
        command.Parameters.AddWithValue("limit", limit);
        var events = await Read(command, cancellationToken);
        events.Sort((a, b) => a.Position.CompareTo(b.Position));
        return events;
    }

    public async Task<IReadOnlyList<CustomerEvent>> ReadAfter(string org, long after, int limit, IReadOnlyList<string> typePrefixes, CancellationToken cancellationToken = default)
    {
        string[]? types = null;
        if (typePrefixes.Count > 0)
        {
            types = [.. EventTypes.StartingWith(typePrefixes)];
            if (types.Length == 0)
            {
                return [];
            }
        }

        await using var command = dataSource.CreateCommand(types is null ? ReadAfterSql : ReadAfterOfTypesSql);
        command.Parameters.AddWithValue("service", _service);
        command.Parameters.AddWithValue("org", org);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("limit", limit);
        if (types is not null)
        {
            command.Parameters.AddWithValue("types", types);
        }

        return await Read(command, cancellationToken);
    }

    public async Task<long> LastPosition(string org, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT coalesce(max(position), 0) FROM customer_events WHERE service_id = @service AND org_id = @org AND position IS NOT NULL");
        command.Parameters.AddWithValue("service", _service);
        command.Parameters.AddWithValue("org", org);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task<IReadOnlyList<string>> OrgsWithUnpositioned(CancellationToken cancellationToken = default) =>
        Orgs("""
            SELECT f.org_id FROM customer_events_floor f
            WHERE f.service_id = @service
              AND EXISTS (SELECT 1 FROM customer_events c
                          WHERE c.service_id = f.service_id AND c.org_id = f.org_id AND c.position IS NULL AND c.seq > f.floor_seq)
            """, cancellationToken);

    public Task<IReadOnlyList<string>> OrgsNeverSequenced(CancellationToken cancellationToken = default) =>
        Orgs("""
            SELECT DISTINCT c.org_id FROM customer_events c
            WHERE c.service_id = @service AND c.position IS NULL
              AND NOT EXISTS (SELECT 1 FROM customer_events_floor f WHERE f.service_id = c.service_id AND f.org_id = c.org_id)
            """, cancellationToken);

    private async Task<IReadOnlyList<string>> Orgs(string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("service", _service);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var orgs = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            orgs.Add(reader.GetString(0));
        }

        return orgs;
    }

    public async Task<EventPage> ReadOrg(string org, long after, int limit, IReadOnlyList<string> typePrefixes, CancellationToken cancellationToken)
    {
        await grains.Ref<IEventSequencerGrain>(org).SequenceNow();
        return Page(await ReadAfter(org, after, limit, typePrefixes, cancellationToken));
    }

    public Task<EventPage> ReadCustomer(string org, Guid customerId, long after, int limit, CancellationToken cancellationToken) =>
        ReadOne(org, "customer_id", customerId, after, limit, cancellationToken);

    public Task<EventPage> ReadAccount(string org, Guid accountId, long after, int limit, CancellationToken cancellationToken) =>
        ReadOne(org, "account_id", accountId, after, limit, cancellationToken);

    private async Task<EventPage> ReadOne(string org, string column, Guid id, long after, int limit, CancellationToken cancellationToken)
    {
        await grains.Ref<IEventSequencerGrain>(org).SequenceNow();
        await using var command = dataSource.CreateCommand(ReadOneSql(column));
        command.Parameters.AddWithValue("service", _service);
        command.Parameters.AddWithValue("org", org);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("limit", limit);
        return Page(await Read(command, cancellationToken));
    }

    internal const string ReadAfterSql = $"""
        SELECT {Columns} FROM customer_events
        WHERE service_id = @service AND org_id = @org AND position > @after
        ORDER BY position LIMIT @limit
        """;

    /// <summary>
    /// The org feed filtered to some types: the first page of each type from its own index, then the
    /// first page of them all. Walking the feed in position order and skipping what does not match
    /// cost a read of every event since <c>after</c> whenever the types were rare, once a second for
    /// a webhook subscription waiting for one; this reads at most a page per type.
    /// </summary>
    internal const string ReadAfterOfTypesSql = $"""
        SELECT {Columns} FROM unnest(@types::text[]) AS wanted(name)
        CROSS JOIN LATERAL (
            SELECT {Columns} FROM customer_events c
            WHERE c.service_id = @service AND c.org_id = @org AND c.type = wanted.name
              AND c.position > @after AND c.position IS NOT NULL
            ORDER BY c.position LIMIT @limit) e
        ORDER BY position LIMIT @limit
        """;

    /// <summary>
    /// One customer's or account's feed (<paramref name="column"/> is <c>customer_id</c> or
    /// <c>account_id</c>). Positioned rows only: the feed indexes hold nothing else.
    /// </summary>
    internal static string ReadOneSql(string column) => $"""
        SELECT {Columns} FROM customer_events
        WHERE service_id = @service AND org_id = @org AND {column} = @id AND position > @after AND position IS NOT NULL
        ORDER BY position LIMIT @limit
        """;

    private static EventPage Page(IReadOnlyList<CustomerEvent> events) =>
        new(events, events.Count == 0 ? null : events[^1].Position);

    private static async Task<List<CustomerEvent>> Read(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<CustomerEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new CustomerEvent(
                reader.GetGuid(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetGuid(4),
                reader.IsDBNull(5) ? null : reader.GetGuid(5),
                DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc),
                reader.GetString(7),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(8)) ?? []));
        }

        return events;
    }
}
