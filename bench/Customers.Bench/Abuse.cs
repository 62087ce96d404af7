using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Customers.Bench;

/// <summary>Abuse that is well-formed HTTP: look-alike e-mails, catalogues meant to bloat a row, and one key flooding the service.</summary>
public static class Abuse
{
    private static readonly string[] Invisible = ["\u200B", "\u200D", "\uFEFF", "\u00A0", "\u202E", "\u0007", "\u2028"];

    /// <summary>Every invisible-character spelling is 400; the NFD spelling of a taken NFC address is 409.</summary>
    public static async Task<int> InvisibleEmails(string baseUrl, string key)
    {
        using var http = Drills.Client(baseUrl, key, TimeSpan.FromSeconds(30));
        var statuses = new ConcurrentDictionary<int, int>();
        var unexpected = 0;
        foreach (var invisible in Invisible)
        {
            var status = await PostDigital(http, $"alice-{Guid.NewGuid():N}{invisible}@example.com");
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            unexpected += status == 400 ? 0 : 1;
        }

        var nfc = $"jos\u00E9-{Guid.NewGuid():N}@example.com";
        var first = await PostDigital(http, nfc);
        var second = await PostDigital(http, nfc.Normalize(NormalizationForm.FormD));
        unexpected += first == 201 && second == 409 ? 0 : 1;
        Console.WriteLine($"invisible-character e-mails: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}"))}; NFC then NFD: {first}, {second}; unexpected {unexpected}");
        return unexpected == 0 ? 0 : 1;
    }

    /// <summary>200,000 values with a 100 KB description, 501 values, a value off the pattern, 101 special treatments: all refused with a 4xx.</summary>
    public static async Task<int> OversizedCatalogues(string baseUrl, string key)
    {
        using var http = Drills.Client(baseUrl, key, TimeSpan.FromSeconds(60));
        var org = $"abuse-{Guid.NewGuid():N}"[..20];
        var bodies = new (string Name, string Path, HttpMethod Method, JsonObject Body, int Expected)[]
        {
            ("200,000 values + 100 KB description", "categories", HttpMethod.Post, Category(Values(200_000).Append("Bad Value!\n"), new string('d', 100_000)), 413),
            ("501 values", "categories", HttpMethod.Post, Category(Values(501), "ok"), 400),
            ("a value with a trailing newline", "categories", HttpMethod.Post, Category(["fine", "Bad Value!\n"], "ok"), 400),
            ("256-character description", "categories", HttpMethod.Post, Category(["fine"], new string('d', 256)), 400),
            ("101 special treatments", "special-treatment", HttpMethod.Patch, new JsonObject { ["values"] = new JsonArray(Values(101).Select(v => (JsonNode)v!).ToArray()) }, 400),
        };

        var unexpected = 0;
        foreach (var (name, path, method, body, expected) in bodies)
        {
            using var request = new HttpRequestMessage(method, $"/v4/orgs/{org}/{path}") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
            // A refused body is not read, so the server ends that connection: none is reused after it.
            request.Headers.ConnectionClose = true;
            // The client waits for the server's answer before it sends the body: a refusal on the
            // declared length then arrives before the connection closes under a body still being sent.
            request.Headers.ExpectContinue = true;
            using var response = await http.SendAsync(request);
            var status = (int)response.StatusCode;
            unexpected += status == expected ? 0 : 1;
            Console.WriteLine($"oversized catalogue, {name}: {status} (expected {expected})");
        }

        using var catalogue = await http.GetAsync($"/v4/orgs/{org}/categories");
        var stored = JsonNode.Parse(await catalogue.Content.ReadAsStringAsync())?["categories"]?.AsArray().Count ?? -1;
        unexpected += stored == 0 ? 0 : 1;
        Console.WriteLine($"oversized catalogues: categories stored {stored}; unexpected {unexpected}");
        return unexpected == 0 ? 0 : 1;
    }

    /// <summary>
    /// One key sends as fast as 32 connections allow: it gets only its successes and 429s (with
    /// Retry-After), never a 5xx, while another key calling at the same time is never limited.
    /// </summary>
    public static async Task<int> RateLimitStorm(string baseUrl, string stormKey, string bystanderKey)
    {
        using var storm = Drills.Client(baseUrl, stormKey, TimeSpan.FromSeconds(30));
        using var bystander = Drills.Client(baseUrl, bystanderKey, TimeSpan.FromSeconds(30));
        var stormStatuses = new ConcurrentDictionary<int, int>();
        var bystanderStatuses = new ConcurrentDictionary<int, int>();
        var missingRetryAfter = 0;
        var path = $"/v4/orgs/telco/customers/{Guid.NewGuid()}";

        var flood = Parallel.ForEachAsync(Enumerable.Range(0, 5000), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (_, _) =>
        {
            using var response = await storm.GetAsync(path);
            stormStatuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && response.Headers.RetryAfter is null)
            {
                Interlocked.Increment(ref missingRetryAfter);
            }
        });
        var calm = Task.Run(async () =>
        {
            for (var i = 0; i < 200 && !flood.IsCompleted; i++)
            {
                using var response = await bystander.GetAsync(path);
                bystanderStatuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            }
        });
        await Task.WhenAll(flood, calm);

        var stormOk = stormStatuses.Keys.All(s => s is 404 or 429) && stormStatuses.ContainsKey(429) && missingRetryAfter == 0;
        var bystanderOk = bystanderStatuses.Keys.All(s => s == 404);
        Console.WriteLine($"rate-limit storm: storming key {string.Join(", ", stormStatuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}"))}" +
            $" (429 without Retry-After {missingRetryAfter}); other key {string.Join(", ", bystanderStatuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}"))}");
        return stormOk && bystanderOk ? 0 : 1;
    }

    private static async Task<int> PostDigital(HttpClient http, string email)
    {
        var body = new JsonObject
        {
            ["type"] = "DIGITAL_CUSTOMER",
            ["preferred_language"] = "en",
            ["digital_personal_info"] = new JsonObject { ["email"] = email, ["name"] = "Alice" },
        };
        using var response = await http.PostAsync("/v4/orgs/telco/customers", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        return (int)response.StatusCode;
    }

    private static JsonObject Category(IEnumerable<string> values, string description) => new()
    {
        ["categories"] = new JsonArray(new JsonObject
        {
            ["name"] = $"c{Guid.NewGuid():N}"[..20],
            ["description"] = description,
            ["valid_values"] = new JsonArray(values.Select(v => (JsonNode)v!).ToArray()),
        }),
    };

    private static IEnumerable<string> Values(int count) => Enumerable.Range(0, count).Select(i => $"v{i}");
}
