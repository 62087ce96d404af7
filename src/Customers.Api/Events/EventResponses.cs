using System.Text.Json.Serialization;

namespace Customers.Api.Events;

public sealed record EventResponse(
    Guid Id,
    long Position,
    string Type,
    string OrgId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Guid? CustomerId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Guid? AccountId,
    DateTime OccurredAt,
    string Actor,
    IReadOnlyList<string> Changes)
{
    public static EventResponse From(CustomerEvent e) =>
        new(e.Id, e.Position, e.Type, e.OrgId, e.CustomerId, e.AccountId, e.OccurredAt, e.Actor, e.Changes);
}

/// <summary><c>next_after</c> is the last position returned; absent when none was.</summary>
public sealed record EventPageResponse(IReadOnlyList<EventResponse> Events, long? NextAfter)
{
    public static EventPageResponse From(EventPage page) => new(page.Events.Select(EventResponse.From).ToList(), page.NextAfter);
}

public sealed record SubscriptionCreatedResponse(Guid Id, string Callback, IReadOnlyList<string> Types, string Secret, DateTime CreatedAt);

public sealed record SubscriptionResponse(
    Guid Id,
    string Callback,
    IReadOnlyList<string> Types,
    DateTime CreatedAt,
    long DeliveredThrough,
    long FailedEvents,
    string? LastError)
{
    public static SubscriptionResponse From(WebhookSubscriptionView v) =>
        new(v.Id, v.Callback, v.Types, v.CreatedAt, v.DeliveredThrough ?? 0, v.FailedEvents ?? 0, v.LastError);
}

public sealed record SubscriptionListResponse(IReadOnlyList<SubscriptionResponse> Subscriptions);
