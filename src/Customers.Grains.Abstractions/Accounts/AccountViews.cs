using System.Text.Json.Serialization;

namespace Customers;

/// <summary>A created account; <see cref="Pending"/> when its payment method waits for a card tokenization (HTTP 202).</summary>
[GenerateSerializer, Immutable]
public sealed record AccountCreated([property: Id(0)] Guid Id, [property: Id(1)] string ExternalId, [property: Id(2)] bool Pending);

/// <summary>The id pair an external-id lookup answers with.</summary>
[GenerateSerializer, Immutable]
public sealed record AccountRef([property: Id(0)] Guid Id, [property: Id(1)] string ExternalId);

/// <summary>A payment-method change; <see cref="Pending"/> when it waits for a card tokenization (HTTP 202).</summary>
[GenerateSerializer, Immutable]
public sealed record PaymentMethodChanged([property: Id(0)] bool Pending);

/// <summary>
/// An account as read. Immutable once handed out: the grain builds one per read and never changes it,
/// so a call within the silo passes it on instead of copying it and everything in it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class AccountView
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public string ExternalId { get; set; } = "";
    [Id(2)] public Guid CustomerId { get; set; }
    [Id(3)] public string? CustomerExternalId { get; set; }
    [Id(4)] public string? ContractReference { get; set; }
    [Id(5)] public string Modality { get; set; } = "";
    [Id(6)] public BillingAddress? BillingAddress { get; set; }

    /// <summary>Absent for PREPAID accounts and while the first card is still being tokenized.</summary>
    [Id(7)] public PaymentMethod? PaymentMethod { get; set; }

    [Id(8)] public Invoice? Invoice { get; set; }
    [Id(9)] public DateTime CreatedAt { get; set => field = WholeSeconds.Of(value); }
    /// <summary>Null while the account is live: the page lists it among the view's fields.</summary>
    [Id(10)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTime? EndedAt { get; set => field = WholeSeconds.Of(value); }
    [Id(11)] public DateTime UpdatedAt { get; set => field = WholeSeconds.Of(value); }
}

[GenerateSerializer]
public sealed class PaymentMethodHistoryEntry
{
    [Id(0)] public string PaymentMethodType { get; set; } = "";

    /// <summary>The IBAN, the token id, or "".</summary>
    [Id(1)] public string Details { get; set; } = "";

    [Id(2)] public DateTime CreatedAt { get; set; }
}

[GenerateSerializer]
public sealed class BillingAddressHistory
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public string ExternalId { get; set; } = "";
    /// <summary>The query's bounds as given; null when not given, and present either way.</summary>
    [Id(2)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? From { get; set; }

    [Id(3)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? To { get; set; }

    [Id(4)] public List<BillingAddressPeriod> History { get; set; } = [];
}

[GenerateSerializer]
public sealed class BillingAddressPeriod
{
    [Id(0)] public BillingAddress BillingAddress { get; set; } = new();
    [Id(1)] public DateTime InitDate { get; set; }

    /// <summary>Absent for the current address.</summary>
    [Id(2)] public DateTime? EndDate { get; set; }
}

[GenerateSerializer]
public sealed class InvoiceRecipient
{
    [Id(0)] public string Name { get; set; } = "";

    /// <summary>Exactly one line: the address lines joined with ", ", cut to 100 characters.</summary>
    [Id(1)] public List<string> AddressLines { get; set; } = [];

    [Id(2)] public string? PostalCode { get; set; }
    [Id(3)] public string? Locality { get; set; }
    [Id(4)] public string? AdministrativeArea { get; set; }
    [Id(5)] public string? RegionCode { get; set; }
}

/// <summary>What an account needs to know of its customer to address an invoice.</summary>
[GenerateSerializer, Immutable]
public sealed record AccountHolder([property: Id(0)] string Name);
