// Load tools for the benchmark and the failure drills, all through the public HTTP API.
//   seed        BASE_URL API_KEY COUNT CONCURRENCY OUT_DIR [FIRST]  customers with an account, a category and a promotion,
//                                                            numbered from FIRST (0) so a data set can be grown;
//                                                            writes OUT_DIR/customers.txt, documents.txt, accounts.txt
//   write-load  BASE_URL API_KEY SECONDS CONCURRENCY ACK_FILE creates customers, appending each acknowledged id (2xx)
//   verify      BASE_URL API_KEY ACK_FILE                    every acknowledged id must read back
//   hostile     BASE_URL API_KEY COUNT [STORM_KEY OTHER_KEY] malformed and hostile requests; counts 5xx. With two more keys
//                                                            also look-alike e-mails, oversized catalogues and a rate-limit storm
//   read-all    BASE_URL API_KEY IDS_FILE [accounts]         GETs every customer (or account) once (activates its grain)
//   deliveries  BASE_URL API_KEY ORG COUNT CONCURRENCY       webhook delivery rate to a loopback receiver
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Customers.Bench;

switch (args.FirstOrDefault())
{
    case "write-load" when args.Length == 6:
        return await Drills.WriteLoad(args[1], args[2], int.Parse(args[3]), int.Parse(args[4]), args[5]);
    case "verify" when args.Length == 4:
        return await Drills.Verify(args[1], args[2], args[3]);
    case "read-all" when args.Length == 4:
        return await Drills.ReadAll(args[1], args[2], args[3]);
    case "read-all" when args.Length == 5 && args[4] == "accounts":
        return await Drills.ReadAll(args[1], args[2], args[3], "accounts");
    case "deliveries" when args.Length == 6:
        return await Deliveries.Run(args[1], args[2], args[3], int.Parse(args[4]), int.Parse(args[5]));
    case "hostile" when args.Length == 4:
        return await Hostile.Run(args[1], args[2], int.Parse(args[3]));
    case "hostile" when args.Length == 6:
        return await Hostile.RunAll(args[1], args[2], int.Parse(args[3]), args[4], args[5]);
    case "seed" when args.Length is 6 or 7:
        break;
    default:
        Console.Error.WriteLine("usage: seed|write-load|verify|hostile|read-all|deliveries … (see the head of Program.cs)");
        return 2;
}

var (baseUrl, key, count, concurrency, outDir) = (args[1], args[2], int.Parse(args[3]), int.Parse(args[4]), args[5]);
var first = args.Length > 6 ? int.Parse(args[6]) : 0;
Directory.CreateDirectory(outDir);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
http.DefaultRequestHeaders.Add("X-API-Key", key);

var seeder = new Seeder(http);
await seeder.PrepareCatalog();
var customers = new string[count];
var documents = new string[count];
var accounts = new string[count];
var next = -1;
var failures = 0;
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < count)
    {
        try
        {
            (customers[i], documents[i], accounts[i]) = await seeder.SeedOne(first + i);
        }
        catch (Exception e)
        {
            if (Interlocked.Increment(ref failures) <= 5)
            {
                Console.Error.WriteLine($"seed {i}: {e.Message}");
            }
        }

        if (i % 10_000 == 0 && i > 0)
        {
            Console.Error.WriteLine($"  {i} seeded, {i / clock.Elapsed.TotalSeconds:F0}/s");
        }
    }
}));
clock.Stop();

await File.WriteAllLinesAsync(Path.Combine(outDir, "customers.txt"), customers.Where(c => c is not null));
await File.WriteAllLinesAsync(Path.Combine(outDir, "documents.txt"), documents.Where(c => c is not null));
await File.WriteAllLinesAsync(Path.Combine(outDir, "accounts.txt"), accounts.Where(c => c is not null));
Console.WriteLine($"seeded {count - failures} of {count} in {clock.Elapsed.TotalSeconds:F1} s ({(count - failures) / clock.Elapsed.TotalSeconds:F0}/s), {failures} failures");
return failures == 0 ? 0 : 1;

internal sealed class Seeder(HttpClient http)
{
    private const string Org = "/v4/orgs/bench";
    private const string Letters = "TRWAGMYFPDXBNJZSQVHLCKE";

    public static string Nif(int i)
    {
        var number = 20_000_000 + i;
        return $"{number}{Letters[number % 23]}";
    }

    /// <summary>One category the seeded customers are given, when the catalogue endpoints exist.</summary>
    public async Task PrepareCatalog()
    {
        var body = JsonNode.Parse("""{"categories": [{"name": "bench_segment", "description": "Seeded", "valid_values": ["gold", "silver"]}]}""")!;
        await http.PostAsync($"{Org}/categories", Json(body));
    }

    public async Task<(string Customer, string Document, string Account)> SeedOne(int i)
    {
        var nif = Nif(i);
        var customer = await Post($"{Org}/customers", $$$"""
            {"type": "PRIVATE_CUSTOMER", "preferred_language": "es", "segment": "CONSUMER",
             "contact_info": {"phone_numbers": [{"country_code": "+34", "number": "6{{{i % 100_000_000:D8}}}", "type": "MOBILE"}],
                              "emails": [{"email": "customer{{{i}}}@example.com"}],
                              "postal_address": {"address_lines": ["Calle Mayor {{{i % 200 + 1}}}"], "postal_code": "28039", "locality": "Madrid", "administrative_area": "Madrid", "region_code": "ES"}},
             "personal_info": {"identity_document": {"number": "{{{nif}}}", "type": "NIF"}, "name": "Nombre{{{i}}}", "first_surname": "Apellido", "second_surname": "Segundo",
                               "gender": "FEMALE", "nationality": "ES", "birthdate": "1985-05-05"}}
            """);
        var id = (string)customer!["id"]!;
        var account = await Post($"{Org}/customers/{id}/accounts", """
            {"modality": "POSTPAID", "payment_method": {"type": "DIRECT_DEBIT", "details": {"iban": "ES7921000813610123456789"}}}
            """, optional: true);
        var accountId = (string?)account?["id"] ?? "";
        await Post($"{Org}/customers/{id}/categories", """{"id": 1, "value": "gold"}""", optional: true);
        if (accountId.Length > 0)
        {
            await Post($"{Org}/accounts/{accountId}/promotions", """{"promotion_id": 2064, "start_date": "2026-01-01", "end_date": "2027-12-31"}""", optional: true);
        }

        return (id, nif, accountId);
    }

    private async Task<JsonNode?> Post(string url, string body, bool optional = false)
    {
        using var response = await http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
        if (optional && response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text);
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
