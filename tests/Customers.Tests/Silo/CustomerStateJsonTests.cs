using System.Text.Json.Nodes;
using Customers.Grains.Credentials;
using Customers.Grains.Customers;
using Customers.Grains.Events;
using Customers.Grains.Identification;
using Customers.Silo.Storage;

namespace Customers.Tests.Silo;

public class CustomerStateJsonTests
{
    private readonly JsonGrainStateSerializer _serializer = new();

    [Fact]
    public void Credentials_and_identification_processes_are_stored_as_plain_snake_case_JSON()
    {
        var state = new CustomerState
        {
            Type = CustomerTypes.Digital,
            Credential = new CredentialState
            {
                Id = Guid.NewGuid(),
                Username = "Ana@Example.com",
                Status = CredentialStatuses.Active,
                ExpirationDate = new DateOnly(2030, 1, 31),
                ProviderUsername = "ana@example.com",
            },
            IdentificationProcesses =
            [
                new IdentificationProcessState { ProcessId = Guid.NewGuid(), DocumentId = Guid.NewGuid(), MediaType = "image/png", Name = "id.png", DocumentType = "NIE", SizeBytes = 42 },
            ],
        };

        var json = JsonNode.Parse(_serializer.Serialize(state).ToString())!;

        Assert.DoesNotContain("$type", json.ToJsonString());
        Assert.Equal("Ana@Example.com", (string?)json["credential"]!["username"]);
        Assert.Equal("ana@example.com", (string?)json["credential"]!["provider_username"]);
        Assert.Equal("2030-01-31", (string?)json["credential"]!["expiration_date"]);
        Assert.Equal("NIE", (string?)json["identification_processes"]![0]!["document_type"]);
        Assert.Equal(42, (long)json["identification_processes"]![0]!["size_bytes"]!);
        var read = _serializer.Deserialize<CustomerState>(_serializer.Serialize(state));
        Assert.Equal(state.Credential.Username, read.Credential!.Username);
        Assert.Equal(state.Credential.ExpirationDate, read.Credential.ExpirationDate);
        Assert.Equal(state.IdentificationProcesses[0].DocumentId, read.IdentificationProcesses[0].DocumentId);
    }

    [Fact]
    public void A_row_written_before_credentials_existed_reads_as_a_customer_without_any()
    {
        var read = _serializer.Deserialize<CustomerState>(BinaryData.FromString("""{"type":"PRIVATE_CUSTOMER","external_id":"7"}"""));

        Assert.Null(read.Credential);
        Assert.Empty(read.IdentificationProcesses);
    }

    [Fact]
    public void What_is_worked_out_from_the_state_is_not_stored()
    {
        var state = new CustomerState
        {
            Type = CustomerTypes.Private,
            ExternalId = "7",
            CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            PersonalInfo = new StoredPerson { Name = "Ana", IdentityDocument = new StoredIdentityDocument { Type = "NIF", Number = "12345678Z" } },
        };

        var row = _serializer.Serialize(state).ToString();
        var json = JsonNode.Parse(row)!.AsObject();

        Assert.False(json.ContainsKey("exists"));
        Assert.False(json.ContainsKey("is_live"));
        Assert.False(json.ContainsKey("identity_document"));
        Assert.False(json.ContainsKey("document_index_value"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(row, "12345678Z"));
        Assert.True(_serializer.Deserialize<CustomerState>(new BinaryData(row)).IsLive);
    }

    [Fact]
    public void An_outbox_is_written_for_the_event_log_and_never_read_back()
    {
        var state = new CustomerState
        {
            Type = CustomerTypes.Private,
            Outbox = [new RecordedEvent { Id = Guid.NewGuid(), Type = "customer.updated", OrgId = "telco", Changes = ["segment"] }],
        };

        var row = _serializer.Serialize(state);

        Assert.Equal("customer.updated", (string?)JsonNode.Parse(row.ToString())!["outbox"]![0]!["type"]);
        Assert.Null(_serializer.Deserialize<CustomerState>(row).Outbox);
    }
}
