namespace Customers;

[GenerateSerializer]
public sealed class ContractView
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public string AccountExternalId { get; set; } = "";
    [Id(2)] public DateTime StartDate { get; set; }
    [Id(3)] public DateTime? EndDate { get; set; }
    [Id(4)] public List<ContractRequestView> Requests { get; set; } = [];
}

[GenerateSerializer]
public sealed class ContractRequestView
{
    [Id(0)] public string RequestExternalId { get; set; } = "";
    [Id(1)] public DateTime CreateDate { get; set; }
    [Id(2)] public string ContractReferenceId { get; set; } = "";
    [Id(3)] public string Type { get; set; } = "";
    [Id(4)] public string OriginUser { get; set; } = "";
}

[GenerateSerializer]
public sealed class AddContractRequest
{
    [Id(0)] public string? RequestExternalId { get; set; }
    [Id(1)] public string? ContractReferenceId { get; set; }
    [Id(2)] public string? Type { get; set; }

    /// <summary>Defaults to the caller's name.</summary>
    [Id(3)] public string? OriginUser { get; set; }
}
