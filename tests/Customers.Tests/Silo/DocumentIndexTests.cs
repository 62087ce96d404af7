using Customers.Silo.Documents;
using Customers.Tests.Infrastructure;
using Npgsql;

namespace Customers.Tests.Silo;

/// <summary>
/// A customer's documents are deleted through an index by owner on the real schema, so deleting or
/// erasing one customer never reads every document of its org. Planned over an org of its own with
/// a few thousand documents of many customers, analyzed.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DocumentIndexTests : IAsyncLifetime
{
    private readonly string _org = $"documents-{Guid.NewGuid():N}";
    private readonly NpgsqlDataSource _data = NpgsqlDataSource.Create(TestDatabase.ConnectionString);

    public async Task InitializeAsync()
    {
        await using var fill = _data.CreateCommand("""
            INSERT INTO customer_documents (org, document_id, customer_id, media_type, name, size_bytes, content)
            SELECT $1, gen_random_uuid(), gen_random_uuid(), 'application/pdf', 'scan.pdf', 4, '\x25504446'::bytea
            FROM generate_series(1, 3000)
            """);
        fill.Parameters.AddWithValue(_org);
        await fill.ExecuteNonQueryAsync();
        await QueryPlans.Analyze(_data, "customer_documents");
    }

    public async Task DisposeAsync()
    {
        await using var clear = _data.CreateCommand("DELETE FROM customer_documents WHERE org = $1");
        clear.Parameters.AddWithValue(_org);
        await clear.ExecuteNonQueryAsync();
        await _data.DisposeAsync();
    }

    [Fact]
    public async Task A_customer_s_documents_are_deleted_through_the_index_by_owner()
    {
        var plan = await QueryPlans.Explain(_data, PostgresDocumentStore.DeleteOfCustomerSql, bound =>
        {
            bound.AddWithValue(_org);
            bound.AddWithValue(Guid.NewGuid());
        });

        Assert.Contains("ix_customer_documents_customer", plan);
        Assert.DoesNotContain("Seq Scan", plan);
    }
}
