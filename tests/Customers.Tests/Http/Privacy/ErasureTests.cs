using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Http.Accounts;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Privacy;

[Collection(ApiCollection.Name)]
public class ErasureTests(ApiHostFixture api)
{
    private readonly HttpClient _client = api.Client();

    [Fact]
    public async Task Erasure_leaves_none_of_the_customers_values_in_any_table()
    {
        var c = await RichCustomer.Create(_client);
        var documents = new Dictionary<string, byte[]> { ["document bytes"] = c.Document };
        // The scan finds every value while the customer exists, so its silence afterwards means something.
        Assert.Equal(c.Values.Count + 1, (await StoredValues.Find(c.Values, documents)).Select(f => f[(f.IndexOf(": ") + 2)..]).Distinct().Count());

        await (await c.Erase()).AssertStatus(HttpStatusCode.NoContent);
        await StoredValues.ErasureCompleted(c.Id);

        Assert.Empty(await StoredValues.Find(c.Values, documents));
    }

    [Fact]
    public async Task An_erasure_records_one_customer_erased_event_however_often_it_is_asked()
    {
        var c = await RichCustomer.Create(_client);

        await (await c.Erase()).AssertStatus(HttpStatusCode.NoContent);
        await StoredValues.ErasureCompleted(c.Id);
        await (await c.Erase()).AssertStatus(HttpStatusCode.NoContent);

        var feed = await (await _client.GetAsync($"{c.Base}/events?types=customer.erased&limit=200")).AssertStatus(HttpStatusCode.OK);
        var erased = Assert.Single(feed["events"]!.AsArray(), e => (string?)e!["customer_id"] == c.Id)!;
        Assert.Null(erased["account_id"]?.GetValue<string?>());
        Assert.DoesNotContain(erased["changes"]!.AsArray(), change => c.Values.Values.Any(v => ((string?)change)!.Contains(v, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Erasure_leaves_no_reminder_of_the_customer_or_its_accounts()
    {
        var c = await RichCustomer.Create(_client);
        // The promotion starts tomorrow: the account has its reminder armed.
        Assert.NotEmpty(await StoredValues.Reminders([c.Account]));

        await (await c.Erase()).AssertStatus(HttpStatusCode.NoContent);
        await StoredValues.ErasureCompleted(c.Id);

        Assert.Empty(await StoredValues.Reminders([c.Id, c.Account, c.ClosedAccount]));
    }

    [Fact]
    public async Task After_erasure_the_customer_its_accounts_documents_and_export_are_404()
    {
        var c = await RichCustomer.Create(_client);
        var process = await (await _client.GetAsync($"{c.Path}/identification-processes/{c.Process}")).AssertStatus(HttpStatusCode.OK);
        var documentUrl = (string)process["document"]!["public_url"]!;

        await (await c.Erase()).AssertStatus(HttpStatusCode.NoContent);

        foreach (var path in new[]
        {
            c.Path, $"{c.Path}/export", $"{c.Path}/credentials", $"{c.Path}/categories", $"{c.Path}/identification-processes",
            $"{c.Base}/accounts/{c.Account}", $"{c.Base}/accounts/{c.Account}/payment-methods/historical", $"{c.Base}/accounts/{c.ClosedAccount}",
        })
        {
            await (await _client.GetAsync(path)).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        }

        await (await api.Client(key: null).GetAsync(documentUrl)).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task A_second_erasure_is_204()
    {
        var customer = await _client.CreateCustomer();
        await (await Erase(customer)).AssertStatus(HttpStatusCode.NoContent);
        await StoredValues.ErasureCompleted(customer);

        var again = await Erase(customer);

        await again.AssertStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Erasing_a_customer_that_never_existed_is_404()
    {
        var response = await Erase(Guid.NewGuid().ToString());

        await response.AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task A_deleted_customer_is_erased_and_no_longer_exported()
    {
        var customer = await _client.CreateCustomer();
        await (await _client.DeleteAsync($"{AccountBodies.Org}/customers/{customer}")).AssertStatus(HttpStatusCode.NoContent);

        await (await Erase(customer)).AssertStatus(HttpStatusCode.NoContent);

        await (await _client.GetAsync($"{AccountBodies.Org}/customers/{customer}/export")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task An_erased_customers_document_number_is_taken_by_a_new_customer_at_once()
    {
        var nif = Bodies.UniqueNif();
        var customer = await _client.CreateCustomer(Bodies.Private(nif));
        await (await Erase(customer)).AssertStatus(HttpStatusCode.NoContent);
        await StoredValues.ErasureCompleted(customer);

        var again = await _client.PostJson($"{AccountBodies.Org}/customers", Bodies.Private(nif));

        await again.AssertStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_erased_customers_e_mail_and_username_are_taken_by_a_new_customer_at_once()
    {
        var (email, username) = (Bodies.UniqueEmail(), Bodies.UniqueEmail());
        var customer = await _client.CreateCustomer(Bodies.Digital(email));
        await (await _client.PostJson($"{AccountBodies.Org}/customers/{customer}/credentials", new JsonObject { ["username"] = username })).AssertStatus(HttpStatusCode.Created);
        await (await Erase(customer)).AssertStatus(HttpStatusCode.NoContent);
        await StoredValues.ErasureCompleted(customer);

        var next = await _client.PostJson($"{AccountBodies.Org}/customers", Bodies.Digital(email));
        var created = await next.AssertStatus(HttpStatusCode.Created);
        var credential = await _client.PostJson($"{AccountBodies.Org}/customers/{created["id"]}/credentials", new JsonObject { ["username"] = username });

        await credential.AssertStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Erasing_needs_privacy_write()
    {
        var customer = await _client.CreateCustomer();

        var response = await api.Client(TestKeys.CustomersReader).DeleteAsync($"{AccountBodies.Org}/customers/{customer}/data");

        await response.AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await _client.GetAsync($"{AccountBodies.Org}/customers/{customer}")).AssertStatus(HttpStatusCode.OK);
    }

    private Task<HttpResponseMessage> Erase(string customer) => _client.DeleteAsync($"{AccountBodies.Org}/customers/{customer}/data");
}
