namespace Customers;

[GenerateSerializer]
public sealed class Invoice
{
    [Id(0)] public InvoiceCycle? Cycle { get; set; }
    [Id(1)] public int DueDateId { get; set; }
    [Id(2)] public int DueDaysId { get; set; }
    [Id(3)] public string? DeliveryMode { get; set; }
}

[GenerateSerializer]
public sealed class InvoiceCycle
{
    [Id(0)] public string? Name { get; set; }
    [Id(1)] public int Day { get; set; }
    [Id(2)] public string? Type { get; set; }
    [Id(3)] public int Frequency { get; set; }
}
