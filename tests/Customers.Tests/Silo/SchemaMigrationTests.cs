using Customers.Silo.Database;
using Customers.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Customers.Tests.Silo;

/// <summary>
/// Migrations that build indexes run statement by statement, outside a transaction, so running
/// silos keep writing; one stopped anywhere finishes when the next silo starts.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SchemaMigrationTests
{
    [Fact]
    public void A_migration_without_a_transaction_runs_each_statement_alone_and_skips_comments() =>
        Assert.Equal(
            ["DROP INDEX CONCURRENTLY IF EXISTS a;", "CREATE INDEX CONCURRENTLY a ON t (x)\n    WHERE x IS NOT NULL;"],
            SchemaMigrator.Statements($"""
                {SchemaMigrator.WithoutTransactionMarker}
                -- why: a comment; with a semicolon
                DROP INDEX CONCURRENTLY IF EXISTS a;

                CREATE INDEX CONCURRENTLY a ON t (x)
                    WHERE x IS NOT NULL;
                """));

    [Fact]
    public void The_index_migrations_are_marked_to_run_without_a_transaction() =>
        Assert.Equal(
            [9, 10],
            SchemaMigrator.Embedded.Where(m => !m.InTransaction).Select(m => m.Version));

    [Fact]
    public async Task The_feed_index_migration_stopped_halfway_finishes_at_the_next_start()
    {
        await using var data = NpgsqlDataSource.Create(await TestDatabase.CreateFresh("migration"));
        var migrator = new SchemaMigrator(data, NullLogger<SchemaMigrator>.Instance);
        await migrator.ApplyAsync(CancellationToken.None);

        // As a crash during 009 leaves it: the customer index still in its old form, a build of
        // the account index cut short under its new name, the migration not recorded.
        await data.CreateCommand("""
            DELETE FROM customers_schema_migrations WHERE version = 9;
            DROP INDEX ix_customer_events_customer;
            CREATE INDEX ix_customer_events_customer ON customer_events (service_id, org_id, customer_id, position) WHERE position IS NOT NULL;
            CREATE INDEX ix_customer_events_account_next ON customer_events (org_id);
            """).ExecuteNonQueryAsync();

        await migrator.ApplyAsync(CancellationToken.None);

        Assert.Equal(1, await Count(data, "SELECT count(*) FROM customers_schema_migrations WHERE version = 9"));
        Assert.Equal(0, await Count(data, "SELECT count(*) FROM pg_indexes WHERE tablename = 'customer_events' AND indexname LIKE '%\\_next'"));
        Assert.Equal(0, await Count(data, "SELECT count(*) FROM pg_index WHERE indrelid = 'customer_events'::regclass AND NOT indisvalid"));
        Assert.Equal(1, await Count(data, """
            SELECT count(*) FROM pg_indexes
            WHERE indexname = 'ix_customer_events_customer' AND indexdef LIKE '%customer_id IS NOT NULL%'
            """));
    }

    private static async Task<long> Count(NpgsqlDataSource data, string sql) =>
        (long)(await data.CreateCommand(sql).ExecuteScalarAsync())!;
}
