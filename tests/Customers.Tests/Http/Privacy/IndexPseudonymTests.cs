using System.Net;
using Customers.Grains.Indexing;
using Customers.Tests.Infrastructure;
using Npgsql;

namespace Customers.Tests.Http.Privacy;

/// <summary>
/// Index grains are keyed by a pseudonym of their value, so a document number or an e-mail never
/// becomes a grain id (which Orleans writes into log lines, traces and the storage's key columns).
/// </summary>
[Collection(ApiCollection.Name)]
public class IndexPseudonymTests(ApiHostFixture api)
{
    [Fact]
    public async Task A_customers_document_number_is_in_no_grain_id_and_still_finds_the_customer()
    {
        var client = api.Client();
        var nif = Bodies.UniqueNif();
        var created = await (await client.PostJson($"/v4/orgs/{TestKeys.Org}/customers", Bodies.Private(nif))).AssertStatus(HttpStatusCode.Created);

        var found = await (await client.GetAsync($"/v4/orgs/{TestKeys.Org}/customers/search?identity_document={nif}&identity_document_type=NIF")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(created["id"]!.GetValue<string>(), found["customer"]!["id"]!.GetValue<string>());
        Assert.Equal(0, await GrainIdsContaining(TestDatabase.ConnectionString, api.Host.ServiceId, nif));
    }

    [Fact]
    public async Task A_digital_customers_email_is_in_no_grain_id_and_stays_taken()
    {
        var client = api.Client();
        var email = Bodies.UniqueEmail();
        await (await client.PostJson($"/v4/orgs/{TestKeys.Org}/customers", Bodies.Digital(email))).AssertStatus(HttpStatusCode.Created);

        await (await client.PostJson($"/v4/orgs/{TestKeys.Org}/customers", Bodies.Digital(email))).AssertStatus(HttpStatusCode.Conflict);
        Assert.Equal(0, await GrainIdsContaining(TestDatabase.ConnectionString, api.Host.ServiceId, email));
    }

    [Fact]
    public async Task Index_rows_an_earlier_version_keyed_by_value_are_renamed_at_upgrade_and_keep_their_value_taken()
    {
        var database = await TestDatabase.CreateFresh("upgrade");
        var serviceId = $"upgrade-{Guid.NewGuid():N}";
        var nif = Bodies.UniqueNif();
        string id;
        await using (var before = new ServiceHost(serviceId, [new("ConnectionStrings:Customers", database)]))
        {
            var created = await (await before.ClientWithKey().PostJson($"/v4/orgs/{TestKeys.Org}/customers", Bodies.Private(nif))).AssertStatus(HttpStatusCode.Created);
            id = created["id"]!.GetValue<string>();
        }

        await RewindToValueKeys(database, IndexKinds.Document, IndexKinds.DocumentValue("NIF", nif));
        Assert.Equal(1, await GrainIdsContaining(database, serviceId, nif));

        await using var after = new ServiceHost(serviceId, [new("ConnectionStrings:Customers", database)]);
        var client = after.ClientWithKey();
        await (await client.PostJson($"/v4/orgs/{TestKeys.Org}/customers", Bodies.Private(nif))).AssertStatus(HttpStatusCode.Conflict);
        var found = await (await client.GetAsync($"/v4/orgs/{TestKeys.Org}/customers/search?identity_document={nif}&identity_document_type=NIF")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(id, found["customer"]!["id"]!.GetValue<string>());
        Assert.Equal(0, await GrainIdsContaining(database, serviceId, nif));
    }

    /// <summary>
    /// The database as a version keying index rows by value left it: the document's row under its
    /// value, no secret, migration 007 not applied.
    /// </summary>
    private static async Task RewindToValueKeys(string database, string kind, string value)
    {
        await using var data = NpgsqlDataSource.Create(database);
        await using var connection = await data.OpenConnectionAsync();
        var secret = (byte[])(await new NpgsqlCommand("SELECT value FROM customers_secrets WHERE name = 'index-keys'", connection).ExecuteScalarAsync())!;
        await using var rename = new NpgsqlCommand(
            "UPDATE orleansstorage SET grainidextensionstring = $1 WHERE graintypestring = 'index' AND grainidextensionstring = $2", connection);
        rename.Parameters.AddWithValue($"{TestKeys.Org}/{kind}/{value}");
        rename.Parameters.AddWithValue(new IndexKeys(secret).For(TestKeys.Org, kind, value));
        Assert.Equal(1, await rename.ExecuteNonQueryAsync());
        await new NpgsqlCommand("DELETE FROM customers_schema_migrations WHERE version = 7; DROP TABLE customers_secrets", connection).ExecuteNonQueryAsync();
    }

    private static Task<long> GrainIdsContaining(string database, string serviceId, string value) =>
        TestDatabase.CountIn(database, "SELECT count(*) FROM orleansstorage WHERE serviceid = $1 AND strpos(lower(grainidextensionstring), lower($2)) > 0", serviceId, value);
}
