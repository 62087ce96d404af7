using Customers.Tests.Infrastructure;
using Npgsql;

namespace Customers.Tests.Silo;

/// <summary>
/// The positioning pass of the event log (customer_events_sequence) on the real schema: it reads an
/// org's events from its floor on, and the floor never passes an event still being written.
/// Each test uses its own service id, which the running silo never sequences.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class EventPositioningTests : IAsyncLifetime
{
    private const string Org = "floor";
    private readonly string _service = $"floor-{Guid.NewGuid():N}";
    private readonly NpgsqlDataSource _data = NpgsqlDataSource.Create(TestDatabase.ConnectionString);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task An_event_committed_after_later_events_were_positioned_gets_the_next_position()
    {
        await using var slow = await WriteInFlight.Start(this);
        var late = slow.Event;
        var positioned = new List<Guid>();
        for (var pass = 0; pass < 4; pass++)
        {
            await Insert();
            positioned.AddRange(await Sequence());
        }

        Assert.DoesNotContain(late, positioned);
        await slow.Commit();

        var next = await Sequence();

        Assert.Equal([late], next);
        Assert.Equal(
            Enumerable.Range(1, 5).Select(p => (long)p),
            await Positions());
    }

    [Fact]
    public async Task An_event_of_the_newest_transaction_still_open_during_passes_gets_a_position_once_committed()
    {
        await using var slow = await WriteInFlight.Start(this);
        var late = slow.Event;
        for (var pass = 0; pass < 3; pass++)
        {
            Assert.Empty(await Sequence());
        }

        await slow.Commit();

        Assert.Equal([late], await Sequence());
    }

    [Fact]
    public async Task Once_no_write_is_in_flight_the_floor_reaches_the_last_positioned_event()
    {
        for (var i = 0; i < 3; i++)
        {
            await Insert();
        }

        var last = await TestDatabase.Count("SELECT max(seq) FROM customer_events WHERE service_id = $1", _service);

        var floor = await PassUntilFloorReaches(last);

        Assert.True(floor >= last, $"floor {floor} below the last positioned event's seq {last}");
        Assert.Equal([1L, 2L, 3L], await Positions());
    }

    [Fact]
    public async Task Events_written_after_the_floor_moved_are_positioned_after_the_others()
    {
        var first = await Insert();
        var firstSeq = await TestDatabase.Count("SELECT seq FROM customer_events WHERE id = $1", first);
        var floor = await PassUntilFloorReaches(firstSeq);
        Assert.True(floor >= firstSeq, "the floor did not pass the first event");

        var second = await Insert();
        var third = await Insert();

        Assert.Equal([second, third], await Sequence());
        Assert.Equal(
            [(first, 1L), (second, 2L), (third, 3L)],
            await Rows());
    }

    /// <summary>
    /// Runs passes until the floor reaches <paramref name="seq"/> or the time is up; returns the floor.
    /// Other tests' writes share the database: the floor moves once the transactions running at its
    /// mark have ended, which takes a pass or a few.
    /// </summary>
    private Task<long> PassUntilFloorReaches(long seq) => Eventually.Until(
        async () =>
        {
            await Sequence();
            return await TestDatabase.Count("SELECT coalesce(max(floor_seq), 0) FROM customer_events_floor WHERE service_id = $1", _service);
        },
        floor => floor >= seq);

    /// <summary>An event stored by a transaction still open: a write in flight.</summary>
    private sealed class WriteInFlight(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid stored) : IAsyncDisposable
    {
        public Guid Event => stored;

        public static async Task<WriteInFlight> Start(EventPositioningTests test)
        {
            var connection = await test._data.OpenConnectionAsync();
            var transaction = await connection.BeginTransactionAsync();
            // As the storage function does: the transaction has its id before its event takes a seq.
            await using (var id = new NpgsqlCommand("SELECT pg_current_xact_id()", connection, transaction))
            {
                await id.ExecuteScalarAsync();
            }

            return new WriteInFlight(connection, transaction, await test.Insert(connection, transaction));
        }

        public Task Commit() => transaction.CommitAsync();

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    private async Task<Guid> Insert(NpgsqlConnection? connection = null, NpgsqlTransaction? transaction = null)
    {
        var id = Guid.NewGuid();
        const string sql = """
            INSERT INTO customer_events (id, service_id, org_id, type, occurred_at, actor)
            VALUES ($1, $2, $3, 'customer.updated', now(), 'test')
            """;
        await using var command = connection is null ? _data.CreateCommand(sql) : new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(_service);
        command.Parameters.AddWithValue(Org);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>One pass; the events it positioned, in position order.</summary>
    private async Task<List<Guid>> Sequence()
    {
        await using var command = _data.CreateCommand("SELECT id, position FROM customer_events_sequence($1, $2, 500)");
        command.Parameters.AddWithValue(_service);
        command.Parameters.AddWithValue(Org);
        var rows = new List<(Guid Id, long Position)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0), reader.GetInt64(1)));
        }

        return [.. rows.OrderBy(r => r.Position).Select(r => r.Id)];
    }

    private async Task<List<(Guid Id, long Position)>> Rows()
    {
        await using var command = _data.CreateCommand("SELECT id, position FROM customer_events WHERE service_id = $1 ORDER BY seq");
        command.Parameters.AddWithValue(_service);
        var rows = new List<(Guid, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1)));
        }

        return rows;
    }

    private async Task<List<long>> Positions() => [.. (await Rows()).Select(r => r.Position).Order()];
}
