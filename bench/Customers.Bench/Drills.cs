using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Customers.Bench;

public static class Drills
{
    private const string Org = "/v4/orgs/drill";
    private const string Letters = "TRWAGMYFPDXBNJZSQVHLCKE";

    /// <summary>
    /// Creates customers until the time is up, writing each acknowledged id to the file as soon as
    /// the 2xx arrives. Prints status counts, the slowest answer, and the time of the first and
    /// last failure relative to the start, so a drill can tell outage and recovery apart.
    /// </summary>
    public static async Task<int> WriteLoad(string baseUrl, string key, int seconds, int concurrency, string ackFile)
    {
        using var http = Client(baseUrl, key, TimeSpan.FromSeconds(35));
        await using var acks = new StreamWriter(ackFile, append: true) { AutoFlush = true };
        var statuses = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<double>();
        var successes = new ConcurrentQueue<double>();
        long slowestTicks = 0;
        var clock = Stopwatch.StartNew();
        // The start in wall-clock seconds, so a drill can place its own steps on this clock.
        await File.WriteAllTextAsync(ackFile + ".start", (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0).ToString("F3", CultureInfo.InvariantCulture));
        var seed = Random.Shared.Next(0, 400) * 100_000;
        var counter = 0;

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                var number = 50_000_000 + seed + Interlocked.Increment(ref counter);
                var body = $$$"""
                    {"type":"PRIVATE_CUSTOMER","preferred_language":"es","segment":"CONSUMER",
                     "contact_info":{"phone_numbers":[{"country_code":"+34","number":"615667898","type":"MOBILE"}]},
                     "personal_info":{"identity_document":{"number":"{{{number}}}{{{Letters[number % 23]}}}","type":"NIF"},"name":"Drill","first_surname":"Load","gender":"OTHER","nationality":"ES","birthdate":"1980-01-01"}}
                    """;
                var started = clock.Elapsed;
                string outcome;
                try
                {
                    using var response = await http.PostAsync($"{Org}/customers", new StringContent(body, Encoding.UTF8, "application/json"));
                    var text = await response.Content.ReadAsStringAsync();
                    outcome = ((int)response.StatusCode).ToString();
                    if (response.IsSuccessStatusCode)
                    {
                        var id = System.Text.Json.Nodes.JsonNode.Parse(text)!["id"]!.GetValue<string>();
                        lock (acks)
                        {
                            acks.WriteLine(id);
                        }

                        successes.Enqueue(clock.Elapsed.TotalSeconds);
                    }
                    else
                    {
                        outcome += ExtractCode(text);
                        failures.Enqueue(clock.Elapsed.TotalSeconds);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    outcome = e is TaskCanceledException ? "timeout" : "connection error";
                    failures.Enqueue(clock.Elapsed.TotalSeconds);
                    await Task.Delay(100);
                }

                var took = (clock.Elapsed - started).Ticks;
                InterlockedMax(ref slowestTicks, took);
                statuses.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            }
        }));

        Console.WriteLine($"answers: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}"))}");
        Console.WriteLine($"slowest answer: {TimeSpan.FromTicks(slowestTicks).TotalSeconds:F2} s");
        if (!failures.IsEmpty)
        {
            var lastFailure = failures.Max();
            var firstSuccessAfter = successes.Where(t => t > lastFailure).DefaultIfEmpty(double.NaN).Min();
            Console.WriteLine($"failures from {failures.Min():F1} s to {lastFailure:F1} s; first success after them at {firstSuccessAfter:F1} s");
        }

        return 0;
    }

    public static async Task<int> Verify(string baseUrl, string key, string ackFile)
    {
        using var http = Client(baseUrl, key, TimeSpan.FromSeconds(30));
        var ids = (await File.ReadAllLinesAsync(ackFile)).Where(l => l.Length > 0).Distinct().ToList();
        var missing = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (id, _) =>
        {
            using var response = await http.GetAsync($"{Org}/customers/{id}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                missing.Add($"{id} ({(int)response.StatusCode})");
            }
        });

        Console.WriteLine($"acknowledged {ids.Count}, present {ids.Count - missing.Count}, missing {missing.Count}");
        foreach (var id in missing.Take(10))
        {
            Console.WriteLine($"  missing {id}");
        }

        // A drill in which nothing was acknowledged proves nothing.
        return missing.IsEmpty && ids.Count > 0 ? 0 : 1;
    }

    /// <summary>
    /// GETs every customer (or account) once, in random order: on a silo just started each request
    /// is the first touch of its grain (an activation reading its row), so the rate is the cold-read rate.
    /// </summary>
    public static async Task<int> ReadAll(string baseUrl, string key, string idsFile, string resource = "customers")
    {
        using var http = Client(baseUrl, key, TimeSpan.FromSeconds(60));
        var ids = (await File.ReadAllLinesAsync(idsFile)).Where(l => l.Length > 0).ToArray();
        Random.Shared.Shuffle(ids);
        var latencies = new double[ids.Length];
        var next = -1;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 64).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < ids.Length)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync($"/v4/orgs/bench/{resource}/{ids[i]}");
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        Console.WriteLine($"read {ids.Length - failed} of {ids.Length} {resource} in {seconds:F1} s");
        Console.WriteLine(FormattableString.Invariant(
            $"cold reads: {ids.Length / seconds:F0} req/s p50 {latencies[latencies.Length / 2]:F2}ms p99 {latencies[(int)(latencies.Length * 0.99)]:F2}ms"));
        return failed == 0 ? 0 : 1;
    }

    public static HttpClient Client(string baseUrl, string key, TimeSpan timeout)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = timeout,
        };
        http.DefaultRequestHeaders.Add("X-API-Key", key);
        return http;
    }

    private static string ExtractCode(string body)
    {
        var at = body.IndexOf("MCUS.", StringComparison.Ordinal);
        return at < 0 ? "" : " " + body.Substring(at, 12);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
