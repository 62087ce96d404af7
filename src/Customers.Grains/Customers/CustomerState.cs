using System.Text.Json.Serialization;

namespace Customers.Grains.Customers;

/// <summary>
/// Stored as JSON with snake_case names and no type names, so renaming this class or adding a
/// property never orphans a row: a missing property reads as its default. It holds stored types
/// only (<see cref="StoredContact"/>, …), never the API's request or view shapes.
/// </summary>
[GenerateSerializer]
public sealed partial class CustomerState
{
    [Id(0), JsonConverter(typeof(SharedCode))] public string Type { get; set; } = "";
    [Id(1)] public string ExternalId { get; set; } = "";
    [Id(2), JsonConverter(typeof(SharedCode))] public string? PreferredLanguage { get; set; }
    [Id(3), JsonConverter(typeof(SharedCode))] public string? Segment { get; set; }
    [Id(4)] public StoredContact? ContactInfo { get; set; }
    [Id(5)] public StoredPerson? PersonalInfo { get; set; }
    [Id(6)] public StoredCompany? CompanyInfo { get; set; }
    [Id(7)] public StoredDigitalProfile? DigitalPersonalInfo { get; set; }
    [Id(8)] public DateTime CreatedAt { get; set; }
    [Id(9)] public DateTime UpdatedAt { get; set; }
    [Id(10)] public DateTime? DeletedAt { get; set; }
    [Id(11)] public List<Guid> AccountIds { get; set; } = [];

    /// <summary>Account creations made with an Idempotency-Key, kept 24 hours.</summary>
    [Id(20), JsonConverter(typeof(EmptyListAsNull))] public List<AccountCreationRecord> AccountCreations { get => field ??= []; set; }

    /// <summary>Accounts being opened: recorded before the account is created (see <see cref="AccountOpening"/>).</summary>
    [Id(21), JsonConverter(typeof(EmptyListAsNull))] public List<AccountOpening> Openings { get => field ??= []; set; }

    public bool Exists => CreatedAt != default;

    public bool IsLive => Exists && DeletedAt is null && ErasureRequestedAt is null;

    public StoredIdentityDocument? IdentityDocument => PersonalInfo?.IdentityDocument ?? CompanyInfo?.IdentityDocument;

    /// <summary>The e-mail this customer authenticates with, as indexed (lower case).</summary>
    public string? LoginEmail => DigitalPersonalInfo?.Email?.ToLowerInvariant();

    public string? DocumentIndexValue =>
        IdentityDocument is { Type: { } type, Number: { } number } ? IndexKinds.DocumentValue(type, number) : null;
}
