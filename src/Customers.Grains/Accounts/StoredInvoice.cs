using System.Text.Json.Serialization;

namespace Customers.Grains.Accounts;

/// <summary>An account's invoicing settings as stored; see <see cref="StoredAddress"/> on names.</summary>
[GenerateSerializer]
public sealed class StoredInvoice
{
    [Id(0), JsonPropertyName("cycle")] public StoredInvoiceCycle? Cycle { get; set; }
    [Id(1), JsonPropertyName("due_date_id")] public int DueDateId { get; set; }
    [Id(2), JsonPropertyName("due_days_id")] public int DueDaysId { get; set; }
    [Id(3), JsonPropertyName("delivery_mode")] public string? DeliveryMode { get; set; }

    /// <summary>What every new account of an org is invoiced by.</summary>
    public static StoredInvoice OrgDefault() => new()
    {
        Cycle = new StoredInvoiceCycle { Name = "DIA 1 - MENSUAL", Day = 1, Type = "M", Frequency = 1 },
        DueDateId = 5,
        DueDaysId = 1,
        DeliveryMode = "EMAIL",
    };

    public Invoice ToWire() => new()
    {
        Cycle = Cycle is null ? null : new InvoiceCycle { Name = Cycle.Name, Day = Cycle.Day, Type = Cycle.Type, Frequency = Cycle.Frequency },
        DueDateId = DueDateId,
        DueDaysId = DueDaysId,
        DeliveryMode = DeliveryMode,
    };
}

[GenerateSerializer]
public sealed class StoredInvoiceCycle
{
    [Id(0), JsonPropertyName("name")] public string? Name { get; set; }
    [Id(1), JsonPropertyName("day")] public int Day { get; set; }
    [Id(2), JsonPropertyName("type")] public string? Type { get; set; }
    [Id(3), JsonPropertyName("frequency")] public int Frequency { get; set; }
}
