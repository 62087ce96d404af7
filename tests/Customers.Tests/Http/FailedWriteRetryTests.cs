using System.Net;
using Customers.Grains;
using Customers.Tests.Grains;
using Customers.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;

namespace Customers.Tests.Http;

/// <summary>
/// A write PostgreSQL refuses halfway through a request answers 503 and leaves nothing claimed: the
/// client's retry succeeds at once instead of meeting its own value as a conflict.
/// </summary>
public class FailedWriteRetryTests
{
    private const string Org = "retry-org";

    [Fact]
    public async Task A_customer_whose_write_failed_is_created_by_the_retry_with_the_same_document()
    {
        await using var host = new ServiceHost(services: FaultyStorage);
        var client = host.ClientWithKey();
        var body = Bodies.Private(Bodies.UniqueNif());

        using (FailNextWriteOf("customer"))
        {
            await (await client.PostJson($"/v4/orgs/{Org}/customers", body)).AssertError(HttpStatusCode.ServiceUnavailable, "MCUS.001.005");
        }

        await (await client.PostJson($"/v4/orgs/{Org}/customers", body)).AssertStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_e_mail_change_whose_write_failed_is_made_by_the_retry()
    {
        await using var host = new ServiceHost(services: FaultyStorage);
        var client = host.ClientWithKey();
        var created = await (await client.PostJson($"/v4/orgs/{Org}/customers", Bodies.Digital())).AssertStatus(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        var patch = new System.Text.Json.Nodes.JsonObject
        {
            ["digital_personal_info"] = new System.Text.Json.Nodes.JsonObject { ["email"] = Bodies.UniqueEmail() },
        };

        using (FailNextWriteOf("customer"))
        {
            await (await client.PatchJson($"/v4/orgs/{Org}/customers/{id}", patch)).AssertError(HttpStatusCode.ServiceUnavailable, "MCUS.001.005");
        }

        await (await client.PatchJson($"/v4/orgs/{Org}/customers/{id}", patch)).AssertStatus(HttpStatusCode.NoContent);
    }

    /// <summary>Fails the next write of a grain of <paramref name="grainType"/> in this test's org, as a dropped PostgreSQL connection would.</summary>
    private static IDisposable FailNextWriteOf(string grainType) => FaultyGrainStorage.FailWritesWhere(
        id => id.Type.ToString() == grainType && id.Key.ToString()!.StartsWith(Org + "/", StringComparison.Ordinal),
        failure: () => new NpgsqlException("connection dropped by the test"));

    /// <summary>Puts the fault-injecting storage around the service's own grain storage.</summary>
    private static void FaultyStorage(IServiceCollection services)
    {
        var own = services.Last(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, StorageNames.Default));
        services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default, (provider, key) =>
            new FaultyGrainStorage((IGrainStorage)own.KeyedImplementationFactory!(provider, key)));
    }
}
