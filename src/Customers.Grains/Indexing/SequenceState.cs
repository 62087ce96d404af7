namespace Customers.Grains.Indexing;

[GenerateSerializer]
public sealed class SequenceState
{
    /// <summary>Every value up to this one may have been handed out.</summary>
    [Id(0)] public long HighWaterMark { get; set; }
}
