namespace Customers.Grains.Identification;

[GenerateSerializer]
public sealed class IdentificationProcessState
{
    [Id(0)] public Guid ProcessId { get; set; }
    [Id(1)] public DateTime ProcessDate { get; set; }
    [Id(2)] public DateTime CreatedAt { get; set; }
    [Id(3)] public Guid DocumentId { get; set; }
    [Id(4)] public string MediaType { get; set; } = "";
    [Id(5)] public string Name { get; set; } = "";
    [Id(6)] public string DocumentType { get; set; } = "";
    [Id(7)] public long SizeBytes { get; set; }
}
