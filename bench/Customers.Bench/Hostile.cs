using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Customers.Bench;

/// <summary>Malformed and hostile requests of every kind a front door meets; none may earn a 5xx.</summary>
public static class Hostile
{
    private static readonly string[] Paths =
    [
        "/v4/orgs/telco/customers",
        "/v4/orgs/telco/customers/{id}",
        "/v4/orgs/telco/customers/{id}/associated_users",
        "/v4/orgs/telco/customers/search?identity_document={text}&identity_document_type=NIF",
        "/v4/orgs/telco/external-customers/{text}",
        "/v4/orgs/{text}/customers",
        "/v4/orgs/telco/accounts/{id}",
        "/v4/orgs/telco/categories/{text}",
    ];

    private static readonly string[] Ids =
    [
        "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "00000000-0000-0000-0000-000000000000", "' OR 1=1 --",
        "%E0%A4%A", "x".PadRight(5000, 'x'), "123e4567-e89b-12d3-a456-55664244000g", "-1", "9999999999999999999999",
    ];

    public static async Task<int> Run(string baseUrl, string key, int count)
    {
        using var http = Drills.Client(baseUrl, key, TimeSpan.FromSeconds(30));
        var statuses = new ConcurrentDictionary<int, int>();
        var transportErrors = 0;
        var random = new Random(7);
        var requests = Enumerable.Range(0, count).Select(i => Build(i, random)).ToList();

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (request, _) =>
        {
            try
            {
                using var message = request();
                using var response = await http.SendAsync(message);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException)
            {
                Interlocked.Increment(ref transportErrors);
            }
        });

        var serverErrors = statuses.Where(s => s.Key >= 500).Sum(s => s.Value);
        Console.WriteLine($"sent {count}: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}"))}; transport errors {transportErrors}; 5xx {serverErrors}");
        return serverErrors == 0 ? 0 : 1;
    }

    /// <summary>The 10,000 malformed requests, then invisible-character e-mails, oversized catalogues and a rate-limit storm.</summary>
    public static async Task<int> RunAll(string baseUrl, string key, int count, string stormKey, string bystanderKey)
    {
        var failed = await Run(baseUrl, key, count);
        failed |= await Abuse.InvisibleEmails(baseUrl, key);
        failed |= await Abuse.OversizedCatalogues(baseUrl, key);
        failed |= await Abuse.RateLimitStorm(baseUrl, stormKey, bystanderKey);
        return failed;
    }

    private static Func<HttpRequestMessage> Build(int i, Random random)
    {
        var path = Paths[random.Next(Paths.Length)]
            .Replace("{id}", random.Next(3) == 0 ? Guid.NewGuid().ToString() : Uri.EscapeDataString(Ids[random.Next(Ids.Length)]))
            .Replace("{text}", Uri.EscapeDataString(Ids[random.Next(Ids.Length)]));
        var kind = i % 10;
        var method = kind switch { 0 or 1 or 2 => HttpMethod.Post, 3 => HttpMethod.Patch, 4 => HttpMethod.Put, 5 => HttpMethod.Delete, _ => HttpMethod.Get };
        byte[] body = kind switch
        {
            0 => Encoding.UTF8.GetBytes(RandomJson(random, 0)),
            1 => Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)),
            2 => [0x7B, 0x22, 0x74, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D],
            3 => Encoding.UTF8.GetBytes("""{"preferred_language": 42, "contact_info": "yes", "personal_info": [1,2,3]}"""),
            4 => new byte[random.Next(2) == 0 ? 12 * 1024 * 1024 : 64 * 1024],
            _ => [],
        };

        return () =>
        {
            var message = new HttpRequestMessage(method, path);
            if (body.Length > 0)
            {
                message.Content = new ByteArrayContent(body);
                message.Content.Headers.TryAddWithoutValidation("Content-Type", i % 7 == 0 ? "text/plain" : "application/json");
            }

            if (i % 13 == 0)
            {
                for (var h = 0; h < 200; h++)
                {
                    message.Headers.TryAddWithoutValidation($"X-Flood-{h}", new string('a', 400));
                }
            }

            if (i % 17 == 0)
            {
                message.Headers.Remove("X-API-Key");
                message.Headers.TryAddWithoutValidation("X-API-Key", new string('k', 10_000));
            }

            return message;
        };
    }

    private static string RandomJson(Random random, int depth)
    {
        return random.Next(depth > 3 ? 4 : 7) switch
        {
            0 => random.Next().ToString(),
            1 => "\"" + new string((char)random.Next(32, 127), random.Next(0, 200)).Replace("\"", "'").Replace("\\", "/") + "\"",
            2 => "null",
            3 => random.Next(2) == 0 ? "true" : "false",
            4 => "[" + string.Join(",", Enumerable.Range(0, random.Next(5)).Select(_ => RandomJson(random, depth + 1))) + "]",
            _ => "{" + string.Join(",", Enumerable.Range(0, random.Next(6)).Select(_ =>
                $"\"{Fields[random.Next(Fields.Length)]}\":{RandomJson(random, depth + 1)}")) + "}",
        };
    }

    private static readonly string[] Fields =
        ["type", "preferred_language", "segment", "contact_info", "personal_info", "identity_document", "number", "emails", "phone_numbers", "postal_address", "address_lines", "name", "birthdate"];
}
