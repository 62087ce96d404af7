using System.Text.Json.Serialization;
using Customers.Grains.Events;

namespace Customers.Grains.Customers;

public sealed partial class CustomerState : IHasOutbox
{
    /// <summary>Events of the change being written; the storage moves them into the event log.</summary>
    [Id(90), JsonPropertyOrder(EventOutbox.LastProperty)] public List<RecordedEvent>? Outbox { get; set; }
}
