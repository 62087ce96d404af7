namespace Customers.Grains.Events;

/// <summary>
/// An event waiting in a grain state's outbox. It is stored with the state, in the same row write:
/// the storage moves it into the event log in that commit and stores the state without it.
/// </summary>
[GenerateSerializer]
public sealed class RecordedEvent
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public string Type { get; set; } = "";
    [Id(2)] public string OrgId { get; set; } = "";
    [Id(3)] public Guid? CustomerId { get; set; }
    [Id(4)] public Guid? AccountId { get; set; }
    [Id(5)] public DateTime OccurredAt { get; set; }
    [Id(6)] public string Actor { get; set; } = "";
    [Id(7)] public List<string> Changes { get; set; } = [];
}

/// <summary>
/// A grain state whose changes are recorded as events. Null while empty, so a state written without
/// events carries no <c>outbox</c> property at all.
/// </summary>
public interface IHasOutbox
{
    List<RecordedEvent>? Outbox { get; set; }
}
