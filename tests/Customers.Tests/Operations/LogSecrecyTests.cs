using System.Net;
using System.Text.RegularExpressions;
using Customers.Api.Auth;
using Customers.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Customers.Tests.Operations;

/// <summary>
/// No API key, IBAN or identity document number appears in clear in any log line. The test drives
/// the paths that handle them, then scans every log the test run has written so far (./test.sh
/// runs it again after the whole suite, over the logs of the full run).
/// </summary>
[Trait("Category", "LogScan")]
public partial class LogSecrecyTests
{
    [Fact]
    public async Task No_log_line_of_the_test_run_holds_a_key_a_document_number_or_an_IBAN()
    {
        await using (var host = new ServiceHost())
        {
            var client = host.ClientWithKey();
            var nif = Bodies.UniqueNif();
            await (await client.PostJson("/v4/orgs/telco/customers", Bodies.Private(nif))).AssertStatus(HttpStatusCode.Created);
            await (await client.PostJson("/v4/orgs/telco/customers", Bodies.Private(nif))).AssertStatus(HttpStatusCode.Conflict);
            await (await client.PostJson("/v4/orgs/telco/customers", Bodies.Private("12345678A"))).AssertStatus(HttpStatusCode.BadRequest);
            await client.GetAsync($"/v4/orgs/telco/customers/search?identity_document={nif}&identity_document_type=NIF");
            await host.ClientWithKey("wrong-key-ES7921000813610123456789").GetAsync("/v4/orgs/telco/customers/search?identity_document=X1234567L&identity_document_type=NIE");
            await host.ClientWithKey(TestKeys.CustomersReader).PostJson("/v4/orgs/telco/customers", Bodies.Private());
            var browser = host.ClientWithKey(key: null);
            browser.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"ops:{TestKeys.Operator}")));
            await browser.GetAsync("/dashboard/");
            await browser.GetAsync("/metrics");
            await host.ClientWithKey(TestKeys.CustomersReader).GetAsync("/metrics");
        }

        // No key configured in Development: the key made at start must not reach the logs either.
        string developmentKey;
        await using (var unkeyed = new ServiceHost(settings: Enumerable.Range(0, TestKeys.All.Count()).Select(i => new KeyValuePair<string, string?>($"Auth:ApiKeys:{i}:Key", ""))))
        {
            developmentKey = unkeyed.Services.GetRequiredService<DevelopmentKey>().Value;
            await (await unkeyed.ClientWithKey(developmentKey).PostJson("/v4/orgs/telco/customers", Bodies.Private())).AssertStatus(HttpStatusCode.Created);
        }

        var leaks = new List<string>();
        foreach (var file in Directory.EnumerateFiles(CapturedLogs.Directory, "*.log"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync() is { } line)
            {
                if (Secrets().Append(developmentKey).Any(line.Contains) || DocumentOrIban().IsMatch(line))
                {
                    leaks.Add($"{Path.GetFileName(file)}: {line}");
                }
            }
        }

        Assert.True(leaks.Count == 0, string.Join('\n', leaks.Take(20)));
    }

    private static IEnumerable<string> Secrets() => [.. TestKeys.All, TestKeys.SigningKey, "wrong-key-"];

    // NIF, NIE, CIF and IBAN shapes, upper case as the service normalises them.
    [GeneratedRegex(@"\b(\d{8}[A-Z]|[XYZ]\d{7}[A-Z]|[A-HJNP-SUVW]\d{7}[0-9A-J]|[A-Z]{2}\d{2}[A-Z0-9]{11,30})\b")]
    private static partial Regex DocumentOrIban();
}
