namespace Customers;

[GenerateSerializer, Immutable]
public sealed record CustomerCreated([property: Id(0)] Guid Id, [property: Id(1)] string ExternalId);

/// <summary>The id pair a search or an external-id lookup answers with.</summary>
[GenerateSerializer, Immutable]
public sealed record CustomerRef([property: Id(0)] Guid Id, [property: Id(1)] string ExternalId);

/// <summary>A customer as read. Immutable once handed out: the grain never changes an instance it returned.</summary>
[GenerateSerializer, Immutable]
public sealed class CustomerView
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public string ExternalId { get; set; } = "";
    [Id(2)] public string Type { get; set; } = "";
    [Id(3)] public string? PreferredLanguage { get; set; }
    [Id(4)] public string? Segment { get; set; }
    [Id(5)] public string Status { get; set; } = "ACTIVE";
    [Id(6)] public ContactInfo? ContactInfo { get; set; }
    [Id(7)] public PersonalInfo? PersonalInfo { get; set; }
    [Id(8)] public CompanyInfo? CompanyInfo { get; set; }
    [Id(9)] public DigitalPersonalInfo? DigitalPersonalInfo { get; set; }
    [Id(10)] public DateTime CreatedAt { get; set => field = WholeSeconds.Of(value); }
    [Id(11)] public DateTime UpdatedAt { get; set => field = WholeSeconds.Of(value); }
}
