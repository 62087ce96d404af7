using System.Text;
using Customers.Grains;
using Customers.Grains.Accounts;
using Customers.Silo.Storage;

namespace Customers.Tests.Silo;

/// <summary>Account rows are plain snake_case JSON: readable without .NET type names, and tolerant of fields added later.</summary>
public class AccountStateStorageTests
{
    private readonly JsonGrainStateSerializer _serializer = new();

    [Fact]
    public void An_account_row_round_trips_with_its_billing_address_state_id_and_no_type_names()
    {
        var state = new AccountState
        {
            ExternalId = "42",
            Modality = Modalities.Postpaid,
            BillingAddresses = [new BillingAddressRecord { Address = new StoredAddress { PostalCode = "28108", StateId = "28" }, From = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) }],
            Tokenizations = [new TokenizationRecord { ReferenceId = Guid.NewGuid(), Status = TokenizationStatuses.Expired, ErrorMessage = "late" }],
            CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };

        var stored = _serializer.Serialize(state);
        var read = _serializer.Deserialize<AccountState>(stored);

        var json = Encoding.UTF8.GetString(stored.ToArray());
        Assert.DoesNotContain("$type", json);
        Assert.Contains("\"state_id\":\"28\"", json);
        Assert.Equal("28", read.BillingAddress!.StateId);
        Assert.Equal("28108", read.BillingAddress.PostalCode);
        Assert.Equal(TokenizationStatuses.Expired, read.Tokenizations[0].Status);
    }

    [Fact]
    public void Promotions_and_their_operations_are_stored_with_plain_dates()
    {
        var id = Guid.NewGuid();
        var state = new AccountState
        {
            Promotions = [new PromotionRecord { Id = id, PromotionId = 2064, StartDate = new DateOnly(2025, 9, 1), EndDate = new DateOnly(2026, 3, 1), Status = PromotionStatuses.Active }],
            PromotionOperations = [new PromotionOperationRecord { PromotionAccountId = id, PromotionId = 2064, StartDate = new DateOnly(2025, 9, 1), Status = PromotionStatuses.Pending, Operation = PromotionOperations.Insert, RecordedAt = new DateTime(2025, 8, 1, 10, 0, 0, DateTimeKind.Utc) }],
        };

        var stored = _serializer.Serialize(state);
        var read = _serializer.Deserialize<AccountState>(stored);

        var json = Encoding.UTF8.GetString(stored.ToArray());
        Assert.DoesNotContain("$type", json);
        Assert.Contains("\"start_date\":\"2025-09-01\",\"end_date\":\"2026-03-01\"", json);
        Assert.Contains("\"operation\":\"INSERT\"", json);
        Assert.Equal(new DateOnly(2026, 3, 1), read.Promotions[0].EndDate);
        Assert.Equal(PromotionStatuses.Active, read.Promotions[0].Status);
        Assert.Null(read.PromotionOperations[0].EndDate);
        Assert.Equal(id, read.PromotionOperations[0].PromotionAccountId);
    }

    [Fact]
    public void A_row_written_before_fields_were_added_reads_with_their_defaults()
    {
        var old = BinaryData.FromString("""{"external_id":"7","modality":"RECURRING_PREPAID","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}""");

        var read = _serializer.Deserialize<AccountState>(old);

        Assert.True(read.IsLive);
        Assert.Empty(read.Tokenizations);
        Assert.Empty(read.Contracts);
        Assert.Null(read.PendingTokenization);
        Assert.Empty(read.Promotions);
        Assert.Empty(read.PromotionOperations);
    }
}
