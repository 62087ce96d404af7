namespace Customers.Grains.Indexing;

public sealed class IndexingOptions
{
    /// <summary>
    /// How long a fresh reservation is never challenged: its owner may still be writing itself.
    /// Longer than a grain call's time-out, so a challenge never races a create in progress.
    /// </summary>
    public TimeSpan ReservationGrace { get; set; } = TimeSpan.FromSeconds(45);
}
