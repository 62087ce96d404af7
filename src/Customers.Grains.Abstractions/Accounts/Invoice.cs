namespace Customers;

[GenerateSerializer]
public sealed class Invoice
{
    [Id(0)] public InvoiceCycle? Cycle { get; set; }
    [Id(1)] public int DueDateId { get; set; }
    [Id(2)] public int DueDaysId { get; set; }
    [Id(3)] public string? DeliveryMode { get; set; }

    /// <summary>What every new account gets.</summary>
    public static Invoice OrgDefault() => new()
    {
        Cycle = new InvoiceCycle { Name = "DIA 1 - MENSUAL", Day = 1, Type = "M", Frequency = 1 },
        DueDateId = 5,
        DueDaysId = 1,
        DeliveryMode = "EMAIL",
    };
}

[GenerateSerializer]
public sealed class InvoiceCycle
{
    [Id(0)] public string? Name { get; set; }
    [Id(1)] public int Day { get; set; }
    [Id(2)] public string? Type { get; set; }
    [Id(3)] public int Frequency { get; set; }
}
