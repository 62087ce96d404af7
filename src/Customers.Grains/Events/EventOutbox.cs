namespace Customers.Grains.Events;

/// <summary>Adds events to a grain state's outbox; the next successful write of that state records them.</summary>
public static class EventOutbox
{
    /// <summary>
    /// The outbox is serialized as the state's last property, so the storage parses only the tail
    /// of the payload that holds it, not the whole state.
    /// </summary>
    public const int LastProperty = 10_000;

    public static void Record(
        this IHasOutbox state,
        string type,
        string org,
        Guid? customerId,
        Guid? accountId,
        DateTime at,
        IEnumerable<string> changes,
        string? actor = null)
    {
        (state.Outbox ??= []).Add(new RecordedEvent
        {
            Id = Guid.CreateVersion7(),
            Type = type,
            OrgId = org,
            CustomerId = customerId,
            AccountId = accountId,
            OccurredAt = DateTime.SpecifyKind(at, DateTimeKind.Utc),
            Actor = actor ?? EventActors.Current(),
            Changes = changes.Distinct(StringComparer.Ordinal).ToList(),
        });
    }

    /// <summary>Called once the state is stored: its events are in the log now.</summary>
    public static List<RecordedEvent>? TakeRecorded(this IHasOutbox state)
    {
        var recorded = state.Outbox;
        state.Outbox = null;
        return recorded is { Count: > 0 } ? recorded : null;
    }
}
