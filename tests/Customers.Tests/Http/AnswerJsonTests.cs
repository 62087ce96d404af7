using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Customers.Api.Customers;
using Customers.Api.Http;

namespace Customers.Tests.Http;

/// <summary>The source-generated writers of the hottest answers write exactly what the API's JSON options write.</summary>
public class AnswerJsonTests
{
    private static readonly JsonSerializerOptions Api = ApiOptions();

    [Fact]
    public void A_customer_is_written_as_the_API_options_write_it()
    {
        var customer = JsonSerializer.Deserialize<CustomerView>(Example("getCustomer.200"), Api)!;

        Assert.Equal(JsonSerializer.Serialize(customer, Api), JsonSerializer.Serialize(customer, ApiJsonContext.Default.CustomerView));
    }

    [Fact]
    public void An_account_is_written_as_the_API_options_write_it()
    {
        var account = JsonSerializer.Deserialize<AccountView>(Example("getAccount.200"), Api)!;

        Assert.Equal(JsonSerializer.Serialize(account, Api), JsonSerializer.Serialize(account, ApiJsonContext.Default.AccountView));
    }

    [Fact]
    public void A_search_answer_is_written_as_the_API_options_write_it()
    {
        var found = new CustomerEndpoints.SearchResponse(new CustomerRef(Guid.NewGuid(), "42"));

        Assert.Equal(JsonSerializer.Serialize(found, Api), JsonSerializer.Serialize(found, ApiJsonContext.Default.SearchResponse));
    }

    [Fact]
    public void Absent_parts_are_left_out_and_times_written_in_UTC_to_the_second()
    {
        var customer = new CustomerView
        {
            Id = Guid.NewGuid(),
            ExternalId = "7",
            Type = "DIGITAL_CUSTOMER",
            CreatedAt = new DateTime(2026, 11, 30, 9, 30, 15, 250, DateTimeKind.Utc),
            UpdatedAt = new DateTime(2026, 11, 30, 10, 30, 15, DateTimeKind.Local),
        };

        var written = JsonSerializer.Serialize(customer, ApiJsonContext.Default.CustomerView);

        Assert.Equal(JsonSerializer.Serialize(customer, Api), written);
        Assert.DoesNotContain("personal_info", written);
        Assert.Contains("\"created_at\":\"2026-11-30T09:30:15Z\"", written);
    }

    [Theory]
    [InlineData(typeof(CustomerView))]
    [InlineData(typeof(AccountView))]
    [InlineData(typeof(CustomerEndpoints.SearchResponse))]
    public void An_answer_read_most_often_is_written_by_generated_code(Type view)
    {
        var info = ApiJsonContext.Default.GetTypeInfo(view)!;

        // The serializer takes the generated writer only when the options let it (no converter, no dictionary key policy).
        var usable = typeof(JsonTypeInfo).GetProperty("CanUseSerializeHandler", BindingFlags.Instance | BindingFlags.NonPublic)!;
        Assert.True((bool)usable.GetValue(info)!);
    }

    private static JsonSerializerOptions ApiOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }

    private static string Example(string name)
    {
        var assembly = typeof(ApiJson).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Customers.Api.OpenApi.Examples.{name}.json")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
