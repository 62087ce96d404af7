using Customers.Silo.Events;
using Customers.Tests.Infrastructure;
using Npgsql;

namespace Customers.Tests.Silo;

/// <summary>
/// A customer's or account's feed, the check whether one ever had events, and the org feed filtered by
/// type are answered from an index of their own on the real schema, so neither an id nobody used nor
/// a rare type costs a read of the whole log. Each test plans over a log of its own, a few
/// thousand positioned events of many customers and types, analyzed, so the planner weighs the
/// indexes as it does on a real log rather than on an empty one.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class EventFeedIndexTests : IAsyncLifetime
{
    private const string Org = "feed-index";
    private readonly string _service = $"feed-index-{Guid.NewGuid():N}";
    private readonly NpgsqlDataSource _data = NpgsqlDataSource.Create(TestDatabase.ConnectionString);

    public async Task InitializeAsync()
    {
        await using var log = _data.CreateCommand("""
            INSERT INTO customer_events (id, service_id, org_id, type, customer_id, account_id, occurred_at, actor, position)
            SELECT gen_random_uuid(), $1, $2,
                   (ARRAY['customer.updated', 'account.payment_method.changed', 'catalogue.category.created', 'customer.erased'])[1 + n % 4],
                   CASE WHEN n % 4 <> 2 THEN gen_random_uuid() END,
                   CASE WHEN n % 4 = 1 THEN gen_random_uuid() END,
                   now(), 'test', n
            FROM generate_series(1, 4000) AS n
            """);
        log.Parameters.AddWithValue(_service);
        log.Parameters.AddWithValue(Org);
        await log.ExecuteNonQueryAsync();
        await QueryPlans.Analyze(_data, "customer_events");
    }

    public async Task DisposeAsync()
    {
        await using var clear = _data.CreateCommand("DELETE FROM customer_events WHERE service_id = $1");
        clear.Parameters.AddWithValue(_service);
        await clear.ExecuteNonQueryAsync();
        await _data.DisposeAsync();
    }

    [Theory]
    [InlineData("customer_id", "ix_customer_events_customer")]
    [InlineData("account_id", "ix_customer_events_account")]
    public async Task A_page_of_one_feed_is_read_from_its_feed_index(string column, string index)
    {
        var plan = await Plan(PostgresEventStore.ReadOneSql(column), ("id", Guid.NewGuid()), ("after", 0L), ("limit", 50));

        Assert.Contains(index, plan);
        Assert.DoesNotContain("Seq Scan", plan);
    }

    [Fact]
    public async Task A_page_of_the_org_feed_filtered_by_type_is_read_from_the_type_index()
    {
        var plan = await Plan(
            PostgresEventStore.ReadAfterOfTypesSql,
            ("types", new[] { EventTypes.CustomerErased, EventTypes.AccountClosed }),
            ("after", 0L),
            ("limit", 50));

        Assert.Contains("ix_customer_events_type", plan);
        Assert.DoesNotContain("on customer_events_pkey", plan);
        Assert.DoesNotContain("ux_customer_events_position", plan);
    }

    private Task<string> Plan(string sql, params (string Name, object Value)[] parameters) =>
        QueryPlans.Explain(_data, sql, bound =>
        {
            bound.AddWithValue("service", _service);
            bound.AddWithValue("org", Org);
            foreach (var (name, value) in parameters)
            {
                bound.AddWithValue(name, value);
            }
        });
}
