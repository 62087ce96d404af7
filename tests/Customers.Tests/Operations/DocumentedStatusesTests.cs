using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Operations;

/// <summary>
/// Every status an operation answered anywhere in the test run is one its OpenAPI description
/// lists. ./test.sh runs this after the whole suite, over the statuses every test host recorded.
/// </summary>
[Trait("Category", "LogScan")]
public class DocumentedStatusesTests
{
    [Fact]
    public async Task Every_status_an_operation_answered_in_the_test_run_is_in_its_OpenAPI_description()
    {
        await using (var host = new ServiceHost())
        {
            // Answers of its own, so the check has something to hold even when run alone.
            var client = host.ClientWithKey();
            await client.GetAsync($"/v4/orgs/telco/customers/{Guid.NewGuid()}");
            await client.GetAsync("/v4/orgs/telco/customers/not-a-uuid");
            await host.ClientWithKey(null).GetAsync($"/v4/orgs/telco/accounts/{Guid.NewGuid()}");
        }

        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "clients", "openapi.json")))!;
        var documented = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(method => method.Value!))
            .ToDictionary(operation => (string)operation["operationId"]!, operation => operation["responses"]!.AsObject().Select(r => r.Key).ToHashSet());

        var answered = AnsweredStatuses.ReadAll().ToList();
        var undocumented = answered
            .Where(a => !documented.TryGetValue(a.OperationId, out var statuses) || !statuses.Contains(a.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Select(a => $"{a.OperationId} {a.Status}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Contains(answered, a => a is { OperationId: "getCustomer", Status: 404 });
        Assert.True(undocumented.Count == 0, "answered but not documented: " + string.Join(", ", undocumented));
    }
}
