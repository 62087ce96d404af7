using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Customers.Bench;

/// <summary>
/// The webhook delivery rate to a local receiver: subscribes a loopback receiver, makes COUNT
/// changes as fast as CONCURRENCY clients can, and times until the receiver has accepted each
/// change's event. The silo must run with Events__AllowPrivateCallbacks=true.
/// </summary>
public static class Deliveries
{
    public static async Task<int> Run(string baseUrl, string key, string org, int count, int concurrency)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-API-Key", key);

        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var receiving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception)
                {
                    return;
                }

                context.Response.StatusCode = 204;
                context.Response.Close();
                if (Interlocked.Increment(ref received) == count)
                {
                    done.TrySetResult();
                }
            }
        });

        var subscribed = await http.PostAsync($"/v4/orgs/{org}/hub", Json(new JsonObject { ["callback"] = $"http://127.0.0.1:{port}/hook" }));
        if (subscribed.StatusCode != HttpStatusCode.Created)
        {
            Console.Error.WriteLine($"subscribe: {(int)subscribed.StatusCode} {await subscribed.Content.ReadAsStringAsync()}");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var next = -1;
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                var body = new JsonObject
                {
                    ["type"] = "DIGITAL_CUSTOMER",
                    ["preferred_language"] = "es",
                    ["digital_personal_info"] = new JsonObject { ["email"] = $"bench-{Guid.NewGuid():N}@example.com", ["name"] = "Bench" },
                };
                var response = await http.PostAsync($"/v4/orgs/{org}/customers", Json(body));
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var written = clock.Elapsed;
        var finished = await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromMinutes(5))) == done.Task;
        var elapsed = clock.Elapsed;
        listener.Stop();
        await receiving;

        Console.WriteLine($"wrote {count - failures} changes in {written.TotalSeconds:F1}s; delivered {received} in {elapsed.TotalSeconds:F1}s"
            + (finished ? "" : " (gave up waiting)"));
        Console.WriteLine($"delivery rate: {received / elapsed.TotalSeconds:F0} events/s");
        return finished && failures == 0 ? 0 : 1;
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
