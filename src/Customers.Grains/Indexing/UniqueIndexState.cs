namespace Customers.Grains.Indexing;

[GenerateSerializer]
public sealed class UniqueIndexState
{
    [Id(0)] public Guid? Owner { get; set; }
    [Id(1)] public DateTime ReservedAt { get; set; }
}
