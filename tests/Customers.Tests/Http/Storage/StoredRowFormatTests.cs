using System.Net;
using Customers.Tests.Http.Accounts;
using Customers.Tests.Infrastructure;
using Npgsql;

namespace Customers.Tests.Http.Storage;

/// <summary>States are stored in their own shapes, apart from the API's: rows written before keep reading.</summary>
public class StoredRowFormatTests
{
    private const string Org = "telco";

    [Fact]
    public async Task A_customer_row_in_the_first_stored_format_reads_back_over_HTTP()
    {
        var serviceId = $"rows-{Guid.NewGuid():N}";
        string id;
        await using (var first = new ServiceHost(serviceId))
        {
            id = await first.ClientWithKey().CreateCustomer();
        }

        await Overwrite(serviceId, "customer", id, FirstFormatRows.Customer);

        await using var second = new ServiceHost(serviceId);
        var customer = await (await second.ClientWithKey().GetAsync($"/v4/orgs/{Org}/customers/{id}")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal("900001", (string?)customer["external_id"]);
        Assert.Equal("612345678", (string?)customer["contact_info"]!["phone_numbers"]![0]!["number"]);
        Assert.Equal("ana.garcia@example.com", (string?)customer["contact_info"]!["emails"]![0]!["email"]);
        Assert.Equal("2B", (string?)customer["contact_info"]!["postal_address"]!["address_lines"]![1]);
        Assert.Equal("12345678Z", (string?)customer["personal_info"]!["identity_document"]!["number"]);
        Assert.Equal("Lopez", (string?)customer["personal_info"]!["second_surname"]);
        Assert.Equal("1980-05-17", (string?)customer["personal_info"]!["birthdate"]);
    }

    [Fact]
    public async Task An_account_row_in_the_first_stored_format_reads_back_over_HTTP()
    {
        var serviceId = $"rows-{Guid.NewGuid():N}";
        string customer;
        string account;
        await using (var first = new ServiceHost(serviceId))
        {
            (customer, account, _) = await first.ClientWithKey().CreateCustomerWithAccount();
        }

        await Overwrite(serviceId, "account", account, FirstFormatRows.Account.Replace("{customer_id}", customer, StringComparison.Ordinal));

        await using var second = new ServiceHost(serviceId);
        var read = await (await second.ClientWithKey().GetAsync($"/v4/orgs/{Org}/accounts/{account}")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal("700001", (string?)read["external_id"]);
        Assert.Equal("28", (string?)read["billing_address"]!["state_id"]);
        Assert.Equal("28013", (string?)read["billing_address"]!["postal_code"]);
        Assert.Equal("ES7921000813610123456789", (string?)read["payment_method"]!["details"]!["iban"]);
        Assert.Equal("DIA 1 - MENSUAL", (string?)read["invoice"]!["cycle"]!["name"]);
        Assert.Equal(5, (int)read["invoice"]!["due_date_id"]!);
    }

    private static async Task Overwrite(string serviceId, string grainType, string id, string payload)
    {
        await using var data = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        await using var command = data.CreateCommand(
            "UPDATE orleansstorage SET payloadbinary = convert_to(@payload, 'UTF8') " +
            "WHERE serviceid = @service AND graintypestring = @type AND grainidextensionstring = @key");
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("type", grainType);
        command.Parameters.AddWithValue("key", $"{Org}/{id}");
        command.Parameters.AddWithValue("payload", payload);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
