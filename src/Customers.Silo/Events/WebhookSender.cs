using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Customers.Grains.Events;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Microsoft.Extensions.Options;

namespace Customers.Silo.Events;

/// <summary>
/// Posts a delivery through the <c>webhooks</c> HTTP client: signed like GitHub's webhooks, no
/// redirects followed, 10 s for the whole exchange, and (unless private callbacks are allowed)
/// connections only to public addresses, checked on the address actually connected to so a DNS
/// answer that changes after subscription cannot reach inside.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients) : IWebhookSender
{
    public const string ClientName = "webhooks";

    public async Task<string?> Send(string callback, string secret, CustomerEvent e, int attempt, CancellationToken cancellationToken = default)
    {
        var body = EventJson.Serialize(e);
        using var request = new HttpRequestMessage(HttpMethod.Post, callback) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Event-Id", e.Id.ToString("D"));
        request.Headers.Add("X-Event-Type", e.Type);
        request.Headers.Add("X-Delivery-Attempt", attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Signature-256", "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)).ToLowerInvariant());
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException)
        {
            return ex switch
            {
                HttpRequestException { InnerException: PrivateAddressException } => "callback resolves to a private address",
                HttpRequestException h => $"connection failed: {h.HttpRequestError}",
                _ => "no answer within 10 s",
            };
        }
    }

    public static void AddTo(IServiceCollection services)
    {
        services.AddHttpClient(ClientName)
            .ConfigurePrimaryHttpMessageHandler(s =>
            {
                var allowPrivate = s.GetRequiredService<IOptions<EventsOptions>>().Value.AllowPrivateCallbacks;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    ConnectCallback = (context, token) => Connect(context.DnsEndPoint, allowPrivate, token),
                };
            })
            .AddResilienceHandler(ClientName, pipeline => pipeline.AddTimeout(EventsOptions.DeliveryTimeout));
    }

    private static async ValueTask<Stream> Connect(DnsEndPoint endpoint, bool allowPrivate, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = allowPrivate ? addresses : addresses.Where(a => !CallbackAddresses.IsPrivate(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new PrivateAddressException();
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed class PrivateAddressException() : IOException("the callback resolves only to addresses webhooks may not reach");
}

public static class WebhookHosting
{
    public static IServiceCollection AddWebhookDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        WebhookSender.AddTo(services);
        services.AddSingleton<IWebhookSender, WebhookSender>();
        return services;
    }
}
