using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Customers.Tests.Infrastructure;

/// <summary>
/// A real HTTP receiver on loopback for webhook deliveries. It answers each request with the
/// status <see cref="Answer"/> gives and keeps every request it got, accepted or not.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public WebhookReceiver()
    {
        Port = FreePorts.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public int Port { get; }

    public string Callback => $"http://127.0.0.1:{Port}/hook";

    /// <summary>Decides the status of a request; 204 unless told otherwise.</summary>
    public Func<Delivery, HttpStatusCode> Answer { get; set; } = _ => HttpStatusCode.NoContent;

    public ConcurrentQueue<Delivery> Received { get; } = new();

    public List<Delivery> Accepted => Received.Where(d => (int)d.Status is >= 200 and < 300).ToList();

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                // Stopped while waiting: disposal can close the listener before it stops listening.
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var delivery = new Delivery(
                _clock.Elapsed,
                context.Request.Headers["X-Event-Id"] ?? "",
                context.Request.Headers["X-Event-Type"] ?? "",
                int.TryParse(context.Request.Headers["X-Delivery-Attempt"], out var attempt) ? attempt : 0,
                context.Request.Headers["X-Signature-256"] ?? "",
                body.ToArray());
            delivery.Status = Answer(delivery);
            Received.Enqueue(delivery);
            context.Response.StatusCode = (int)delivery.Status;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    public sealed record Delivery(TimeSpan At, string EventId, string EventType, int Attempt, string Signature, byte[] Body)
    {
        public HttpStatusCode Status { get; set; }

        public JsonNode Event => JsonNode.Parse(Body)!;

        public long Position => (long)Event["position"]!;

        /// <summary>Whether the signature is HMAC-SHA256 of the exact body under <paramref name="secret"/>, compared in constant time.</summary>
        public bool SignedWith(string secret) =>
            CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes("sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Body)).ToLowerInvariant()),
                Encoding.ASCII.GetBytes(Signature));
    }
}
