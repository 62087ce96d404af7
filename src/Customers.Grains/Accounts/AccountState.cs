using System.Text.Json.Serialization;
using Customers.Grains.Events;

namespace Customers.Grains.Accounts;

/// <summary>
/// Stored as JSON with snake_case names and no type names, so renaming a class or adding a
/// property never orphans a row: a missing property reads as its default. It holds stored types
/// only (<see cref="StoredPaymentMethod"/>, …), never the API's request or view shapes.
/// </summary>
[GenerateSerializer]
public sealed class AccountState : IHasOutbox
{
    /// <summary>Events of the change being written; the storage moves them into the event log.</summary>
    [Id(90), JsonPropertyOrder(EventOutbox.LastProperty)] public List<RecordedEvent>? Outbox { get; set; }

    [Id(0)] public Guid CustomerId { get; set; }
    [Id(1)] public string CustomerExternalId { get; set; } = "";
    [Id(2)] public string ExternalId { get; set; } = "";
    [Id(3)] public string ContractReference { get; set; } = "";
    [Id(4)] public string Modality { get; set; } = "";

    /// <summary>Every billing address the account had, oldest first; the last one is current.</summary>
    [Id(5)] public List<BillingAddressRecord> BillingAddresses { get; set; } = [];

    /// <summary>Null for PREPAID accounts and while the first card is still being tokenized.</summary>
    [Id(6)] public StoredPaymentMethod? PaymentMethod { get; set; }

    /// <summary>Every payment method the account had, oldest first; the last one is current.</summary>
    [Id(7)] public List<PaymentMethodRecord> PaymentMethods { get; set; } = [];

    /// <summary>Oldest first; at most one is PENDING.</summary>
    [Id(8)] public List<TokenizationRecord> Tokenizations { get; set; } = [];

    /// <summary>Oldest first.</summary>
    [Id(9)] public List<ContractRecord> Contracts { get; set; } = [];

    [Id(10)] public StoredInvoice? Invoice { get; set; }
    [Id(11)] public DateTime CreatedAt { get; set; }
    [Id(12)] public DateTime UpdatedAt { get; set; }
    [Id(13)] public DateTime? EndedAt { get; set; }

    /// <summary>Oldest first, cancelled and expired ones included.</summary>
    [Id(14)] public List<PromotionRecord> Promotions { get; set; } = [];

    /// <summary>Every operation on the promotions, in the order it was recorded.</summary>
    [Id(15)] public List<PromotionOperationRecord> PromotionOperations { get; set; } = [];

    /// <summary>
    /// Set once <see cref="Tokenizations"/> has dropped its oldest entries: the reference_ids this
    /// account used are then more than the list shows, and every one of them stays used.
    /// </summary>
    [Id(16)] public bool TokenizationsTrimmed { get; set; }

    public bool Exists => CreatedAt != default;

    public bool IsLive => Exists && EndedAt is null;

    public StoredAddress? BillingAddress => BillingAddresses.Count == 0 ? null : BillingAddresses[^1].Address;

    /// <summary>Promotions not yet ended: each may still start or end by date.</summary>
    public int LivePromotions => Promotions.Count(p => p.IsLive);

    public TokenizationRecord? PendingTokenization => Tokenizations.Find(t => t.Status == TokenizationStatuses.Pending);

    /// <summary>Bounds every history list before a write; the current entry of each is its newest, so it stays.</summary>
    public void TrimHistories()
    {
        Histories.KeepNewest(BillingAddresses);
        Histories.KeepNewest(PaymentMethods);
        TokenizationsTrimmed |= Tokenizations.Count > Histories.MaxEntries;
        Histories.KeepNewest(Tokenizations);
        Histories.KeepNewest(PromotionOperations);
        KeepNewestEndedPromotions();
        foreach (var contract in Contracts)
        {
            Histories.KeepNewest(contract.Requests);
        }
    }

    /// <summary>
    /// A cancelled or expired promotion is history only (no read lists it, and its operations are in
    /// <see cref="PromotionOperations"/>): past the bound, the oldest of them go.
    /// </summary>
    private void KeepNewestEndedPromotions()
    {
        var surplus = Promotions.Count - LivePromotions - Histories.MaxEntries;
        for (var i = 0; i < Promotions.Count && surplus > 0;)
        {
            if (Promotions[i].IsLive)
            {
                i++;
                continue;
            }

            Promotions.RemoveAt(i);
            surplus--;
        }
    }
}

[GenerateSerializer]
public sealed class BillingAddressRecord
{
    [Id(0)] public StoredAddress Address { get; set; } = new();
    [Id(1)] public DateTime From { get; set; }

    /// <summary>Null while current.</summary>
    [Id(2)] public DateTime? To { get; set; }
}

[GenerateSerializer]
public sealed class PaymentMethodRecord
{
    [Id(0)] public string Type { get; set; } = "";
    [Id(1)] public StoredPaymentDetails Details { get; set; } = new();
    [Id(2)] public DateTime CreatedAt { get; set; }
}

[GenerateSerializer]
public sealed class TokenizationRecord
{
    [Id(0)] public Guid ReferenceId { get; set; }
    [Id(1)] public string Status { get; set; } = TokenizationStatuses.Pending;
    [Id(2)] public string? TokenId { get; set; }
    [Id(3)] public string? CardSummary { get; set; }
    [Id(4)] public string? CardExpirationDate { get; set; }
    [Id(5)] public string? ErrorMessage { get; set; }
    [Id(6)] public DateTime CreatedAt { get; set; }
    [Id(7)] public DateTime UpdatedAt { get; set; }

    /// <summary>When a request still PENDING becomes EXPIRED; fixed at creation, so a later change of the timeout leaves it alone.</summary>
    [Id(8)] public DateTime ExpiresAt { get; set; }
}

/// <summary>A contract as stored; its JSON names are pinned apart from <see cref="ContractView"/>'s.</summary>
[GenerateSerializer]
public sealed class ContractRecord
{
    [Id(0), JsonPropertyName("id")] public Guid Id { get; set; }
    [Id(1), JsonPropertyName("start_date")] public DateTime StartDate { get; set; }
    [Id(2), JsonPropertyName("end_date")] public DateTime? EndDate { get; set; }
    [Id(3), JsonPropertyName("requests")] public List<ContractRequestRecord> Requests { get; set; } = [];
}

[GenerateSerializer]
public sealed class ContractRequestRecord
{
    [Id(0), JsonPropertyName("request_external_id")] public string RequestExternalId { get; set; } = "";
    [Id(1), JsonPropertyName("create_date")] public DateTime CreateDate { get; set; }
    [Id(2), JsonPropertyName("contract_reference_id")] public string ContractReferenceId { get; set; } = "";
    [Id(3), JsonPropertyName("type")] public string Type { get; set; } = "";
    [Id(4), JsonPropertyName("origin_user")] public string OriginUser { get; set; } = "";
}

[GenerateSerializer]
public sealed class PromotionRecord
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public int PromotionId { get; set; }
    [Id(2)] public DateOnly StartDate { get; set; }
    [Id(3)] public DateOnly? EndDate { get; set; }

    /// <summary>
    /// The status last recorded in the operation history. Reads compute the status from the dates;
    /// this one trails them until the account's reminder (or the next command) records the change.
    /// </summary>
    [Id(4)] public string Status { get; set; } = PromotionStatuses.Pending;

    [Id(5)] public DateTime CreatedAt { get; set; }

    /// <summary>Not yet ended: it may still start or end by date.</summary>
    public bool IsLive => Status is PromotionStatuses.Pending or PromotionStatuses.Active;
}

[GenerateSerializer]
public sealed class PromotionOperationRecord
{
    [Id(0)] public Guid PromotionAccountId { get; set; }
    [Id(1)] public int PromotionId { get; set; }
    [Id(2)] public DateOnly StartDate { get; set; }
    [Id(3)] public DateOnly? EndDate { get; set; }
    [Id(4)] public string Status { get; set; } = "";
    [Id(5)] public string Operation { get; set; } = "";

    /// <summary>When the operation took effect: a status change by date is recorded at the start of its day.</summary>
    [Id(6)] public DateTime RecordedAt { get; set; }
}
