namespace Customers.Grains.Events;

/// <summary>Sends one webhook delivery; null when the receiver answered 2xx in time, otherwise what went wrong.</summary>
public interface IWebhookSender
{
    Task<string?> Send(string callback, string secret, CustomerEvent e, int attempt, CancellationToken cancellationToken = default);
}
