using System.Reflection;
using Customers.Grains.Customers;
using Customers.Silo.Storage;

namespace Customers.Tests.Silo;

/// <summary>Lists of a state read from its row are held at their exact size, and written as any list.</summary>
public class ExactListsTests
{
    private const string Row = """
        {"type":"PRIVATE_CUSTOMER","external_id":"7",
         "contact_info":{"phone_numbers":[{"number":"615667898"},{"number":"615667899"},{"number":"615667890"}],
           "emails":[{"email":"a@example.com"}],"postal_address":{"address_lines":["Calle Mayor 2"]}},
         "account_ids":["3f2504e0-4f89-11d3-9a0c-0305e82c3301"],"account_creations":[]}
        """;

    private static readonly JsonGrainStateSerializer Serializer = new();

    [Fact]
    public void A_list_read_from_a_row_has_no_spare_room()
    {
        var state = Serializer.Deserialize<CustomerState>(new BinaryData(Row));

        Assert.Equal(3, state.ContactInfo!.PhoneNumbers!.Capacity);
        Assert.Equal(1, state.ContactInfo.Emails!.Capacity);
        Assert.Equal(1, state.ContactInfo.PostalAddress!.AddressLines!.Capacity);
        Assert.Equal(1, state.AccountIds.Capacity);
        Assert.Equal(0, state.AccountCreations.Capacity);
    }

    [Fact]
    public void A_state_written_and_read_back_keeps_its_lists_in_order()
    {
        var state = Serializer.Deserialize<CustomerState>(new BinaryData(Row));

        var again = Serializer.Deserialize<CustomerState>(Serializer.Serialize(state));

        Assert.Equal(["615667898", "615667899", "615667890"], again.ContactInfo!.PhoneNumbers!.Select(p => p.Number));
        Assert.Equal(state.AccountIds, again.AccountIds);
        Assert.Empty(again.AccountCreations);
    }

    [Fact]
    public void A_list_that_is_not_an_array_is_refused()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() =>
            Serializer.Deserialize<CustomerState>(new BinaryData("""{"account_ids":{"a":1}}""")));
    }

    [Fact]
    public void An_empty_list_read_from_a_row_is_not_held_until_used()
    {
        var state = Serializer.Deserialize<CustomerState>(new BinaryData(Row));

        Assert.Null(BackingList(state, nameof(CustomerState.AccountCreations)));
        Assert.Null(BackingList(state, nameof(CustomerState.Openings)));
        Assert.Null(BackingList(state, nameof(CustomerState.RetiredCredentials)));
        Assert.Null(BackingList(state, nameof(CustomerState.IdentificationProcesses)));
    }

    [Fact]
    public void A_list_not_held_reads_as_empty_and_takes_items()
    {
        var state = Serializer.Deserialize<CustomerState>(new BinaryData(Row));
        var account = Guid.NewGuid();

        Assert.Empty(state.Openings);
        state.Openings.Add(new AccountOpening { AccountId = account });

        var again = Serializer.Deserialize<CustomerState>(Serializer.Serialize(state));
        Assert.Equal([account], again.Openings.Select(o => o.AccountId));
        Assert.Empty(again.AccountCreations);
    }

    [Fact]
    public void A_list_not_held_is_written_as_an_empty_list()
    {
        var state = Serializer.Deserialize<CustomerState>(new BinaryData(Row));

        var row = Serializer.Serialize(state).ToString();

        Assert.Contains("\"openings\":[]", row);
        Assert.Contains("\"retired_credentials\":[]", row);
    }

    private static object? BackingList(CustomerState state, string property) =>
        typeof(CustomerState).GetField($"<{property}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(state);
}
