using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Http.Accounts;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Events;

/// <summary>The org feed and the audit reads: shapes, paging, validation, permissions.</summary>
[Collection(ApiCollection.Name)]
public class EventFeedTests(ApiHostFixture api)
{
    private readonly HttpClient _client = api.Client();
    private EventsApi Events => new(_client);

    [Fact]
    public async Task A_created_customer_has_one_customer_created_event_with_the_contract_shape()
    {
        var id = await _client.CreateCustomer();

        var created = Assert.Single(await Events.OfCustomer(id))!.AsObject();

        Assert.Equal(
            ["id", "position", "type", "org_id", "customer_id", "account_id", "occurred_at", "actor", "changes"],
            created.Select(p => p.Key).ToArray());
        Assert.Equal(("customer.created", "telco", id, "admin"), ((string)created["type"]!, (string)created["org_id"]!, (string)created["customer_id"]!, (string)created["actor"]!));
        Assert.Null(created["account_id"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", (string)created["occurred_at"]!);
        Assert.True(Guid.TryParse((string)created["id"]!, out _));
    }

    [Fact]
    public async Task A_customer_update_names_the_changed_fields_and_not_their_values()
    {
        var id = await _client.CreateCustomer();
        var patch = JsonNode.Parse("""{"preferred_language": "gl", "contact_info": {"emails": [{"email": "new-address@example.com"}]}}""")!;
        await (await _client.PatchJson($"{Events.Base}/customers/{id}", patch)).AssertStatus(HttpStatusCode.NoContent);

        var updated = (await Events.OfCustomer(id)).Last();

        Assert.Equal("customer.updated", (string)updated["type"]!);
        Assert.Equal(["preferred_language", "contact_info.emails"], updated["changes"]!.AsArray().Select(c => (string)c!).ToArray());
        Assert.DoesNotContain("new-address", updated.ToJsonString());
    }

    [Fact]
    public async Task Refused_requests_record_no_event()
    {
        var before = await Events.LastPosition();
        var id = await _client.CreateCustomer();
        var afterCreate = await Events.LastPosition();

        await (await _client.PostJson($"{Events.Base}/customers", Bodies.Private("12345678A"))).AssertStatus(HttpStatusCode.BadRequest);
        await (await _client.PatchJson($"{Events.Base}/customers/{id}", JsonNode.Parse("""{"preferred_language": "not a language"}""")!)).AssertStatus(HttpStatusCode.BadRequest);
        await (await _client.PatchJson($"{Events.Base}/customers/{Guid.NewGuid()}", JsonNode.Parse("""{"preferred_language": "gl"}""")!)).AssertStatus(HttpStatusCode.NotFound);
        await (await _client.DeleteAsync($"{Events.Base}/customers/{id}/credentials/{Guid.NewGuid()}")).AssertStatus(HttpStatusCode.NotFound);
        await (await _client.DeleteAsync($"{Events.Base}/customers/{id}")).AssertStatus(HttpStatusCode.NoContent);

        var mine = (await Events.AllAfter(before)).Where(e => (string?)e["customer_id"] == id).ToList();
        Assert.Equal(["customer.created", "customer.deleted"], EventsApi.Types(mine));
        Assert.True((long)mine[1]["position"]! > afterCreate);
    }

    [Fact]
    public async Task Positions_increase_and_paging_by_after_returns_each_event_once()
    {
        var before = await Events.LastPosition();
        for (var i = 0; i < 5; i++)
        {
            await _client.CreateCustomer();
        }

        var paged = new List<long>();
        var after = before;
        while (true)
        {
            var page = await Events.Feed(after, 2);
            var positions = page["events"]!.AsArray().Select(e => (long)e!["position"]!).ToList();
            if (positions.Count == 0)
            {
                Assert.Null(page["next_after"]);
                break;
            }

            Assert.Equal(positions[^1], (long)page["next_after"]!);
            paged.AddRange(positions);
            after = positions[^1];
        }

        Assert.True(paged.Count >= 5);
        Assert.Equal(paged.Order().Distinct(), paged);
    }

    [Fact]
    public async Task The_types_filter_keeps_events_whose_type_starts_with_a_prefix()
    {
        var before = await Events.LastPosition();
        var (customer, _, _) = await _client.CreateCustomerWithAccount();

        var accounts = await Events.AllAfter(before, "account.,promotion.");

        Assert.NotEmpty(accounts);
        Assert.All(accounts, e => Assert.StartsWith("account.", (string)e["type"]!));
        Assert.Contains(accounts, e => (string?)e["customer_id"] == customer && (string)e["type"]! == "account.created");
    }

    [Fact]
    public async Task Paging_a_filter_of_several_types_returns_their_events_in_position_order_each_once()
    {
        var before = await Events.LastPosition();
        var made = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (customer, account, _) = await _client.CreateCustomerWithAccount();
            made.Add(customer);
            made.Add(account);
        }

        var unfiltered = (await Events.AllAfter(before))
            .Where(e => (string)e["type"]! is "customer.created" or "account.created")
            .Select(e => (long)e["position"]!)
            .ToList();
        var paged = new List<JsonNode>();
        var after = before;
        while ((await Events.Feed(after, 2, "account.created,customer.created"))["events"]!.AsArray() is { Count: > 0 } page)
        {
            paged.AddRange(page.Select(e => e!));
            after = (long)page[^1]!["position"]!;
        }

        Assert.Equal(unfiltered, paged.Select(e => (long)e["position"]!));
        Assert.Equal(["account.created", "customer.created"], paged.Select(e => (string)e["type"]!).Distinct().Order());
        Assert.All(made, id => Assert.Contains(paged, e => (string?)e["customer_id"] == id || (string?)e["account_id"] == id));
    }

    [Theory]
    [InlineData("zzz")]
    [InlineData("Customer.")]
    [InlineData("customer.%")]
    public async Task A_types_filter_no_type_starts_with_is_an_empty_page(string types)
    {
        await _client.CreateCustomer();

        var page = await Events.Feed(0, 200, types);

        Assert.Empty(page["events"]!.AsArray());
        Assert.Null(page["next_after"]);
    }

    [Fact]
    public async Task A_types_filter_takes_the_prefixes_a_subscription_takes_and_no_longer_ones()
    {
        var longest = "customer." + new string('x', 246);

        var accepted = await Events.Feed(0, 200, longest);
        var refused = await (await _client.GetAsync($"{Events.Base}/events?types={longest}x")).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Empty(accepted["events"]!.AsArray());
        Assert.Contains(refused, m => m.StartsWith("types: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_account_s_events_are_also_its_customer_s()
    {
        var (customer, account, _) = await _client.CreateCustomerWithAccount();

        Assert.Equal(["account.created"], EventsApi.Types(await Events.OfAccount(account)));
        Assert.Equal(["customer.created", "account.created"], EventsApi.Types(await Events.OfCustomer(customer)));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("after=-1", "after")]
    [InlineData("after=x", "after")]
    public async Task A_bad_paging_parameter_is_400_naming_it(string query, string field)
    {
        var messages = await (await _client.GetAsync($"{Events.Base}/events?{query}")).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith($"{field}: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_without_a_limit_holds_50_events()
    {
        var id = await _client.CreateCustomer();
        for (var i = 0; i < 55; i++)
        {
            var patch = new JsonObject { ["preferred_language"] = i % 2 == 0 ? "gl" : "es" };
            await (await _client.PatchJson($"{Events.Base}/customers/{id}", patch)).AssertStatus(HttpStatusCode.NoContent);
        }

        var page = await (await _client.GetAsync($"{Events.Base}/customers/{id}/events")).AssertStatus(HttpStatusCode.OK);

        var events = page["events"]!.AsArray();
        Assert.Equal(50, events.Count);
        Assert.Equal((long)events[^1]!["position"]!, (long)page["next_after"]!);
    }

    [Fact]
    public async Task The_events_of_an_unknown_customer_are_404() =>
        await (await _client.GetAsync($"{Events.Base}/customers/{Guid.NewGuid()}/events")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Fact]
    public async Task The_events_of_an_unknown_account_are_404() =>
        await (await _client.GetAsync($"{Events.Base}/accounts/{Guid.NewGuid()}/events")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

    [Fact]
    public async Task A_deleted_customer_s_trail_is_404_while_its_events_stay_in_the_org_feed()
    {
        var id = await _client.CreateCustomer();
        await (await _client.DeleteAsync($"{Events.Base}/customers/{id}")).AssertStatus(HttpStatusCode.NoContent);

        await (await _client.GetAsync($"{Events.Base}/customers/{id}/events")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        var feed = await Events.AllAfter(0, "customer.");
        Assert.Equal(["customer.created", "customer.deleted"], EventsApi.Types(feed.Where(e => (string?)e["customer_id"] == id).ToList()));
    }

    [Fact]
    public async Task A_closed_account_s_trail_is_404_while_its_customer_s_trail_keeps_its_events()
    {
        var (customer, account, _) = await _client.CreateCustomerWithAccount();
        await (await _client.DeleteAsync($"{Events.Base}/customers/{customer}/accounts/{account}")).AssertStatus(HttpStatusCode.NoContent);

        await (await _client.GetAsync($"{Events.Base}/accounts/{account}/events")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        var trail = await Events.OfCustomer(customer);
        Assert.Equal(["account.created", "account.closed"], EventsApi.Types(trail.Where(e => (string?)e["account_id"] == account).ToList()));
    }

    [Fact]
    public async Task Reading_events_without_events_read_is_403() =>
        await (await api.Client(TestKeys.CustomersReader).GetAsync($"{Events.Base}/events")).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");

    [Fact]
    public async Task One_org_s_feed_shows_none_of_another_org_s_events()
    {
        var id = await _client.CreateCustomer();

        var other = await new EventsApi(_client, TestKeys.OtherOrg).AllAfter(0);

        Assert.DoesNotContain(other, e => (string?)e["customer_id"] == id);
    }
}
