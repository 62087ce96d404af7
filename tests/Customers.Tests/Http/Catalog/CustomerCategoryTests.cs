using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Catalog;

[Collection(ApiCollection.Name)]
public class CustomerCategoryTests(ApiHostFixture api)
{
    private readonly CatalogHttp _http = new(api);

    private HttpClient Client => _http.Client;

    [Fact]
    public async Task Adding_a_category_is_201_and_the_customer_lists_it_with_its_name_and_dates()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory("risk", "influencer", "other");

        var response = await Client.PostJson(_http.CustomerCategories(customer), JsonNode.Parse($$"""
            {"id": {{category}}, "value": "influencer", "description": "Bill discount", "reason": "Sponsors their videos"}
            """)!);
        await response.AssertStatus(HttpStatusCode.Created);

        var list = await (await Client.GetAsync(_http.CustomerCategories(customer))).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(customer, (string?)list["customer_id"]);
        var held = Assert.Single(list["categories"]!.AsArray())!;
        Assert.Equal(category, (int)held["id"]!);
        Assert.Equal("risk", (string?)held["name"]);
        Assert.Equal("influencer", (string?)held["value"]);
        Assert.Equal("Bill discount", (string?)held["description"]);
        Assert.Equal("Sponsors their videos", (string?)held["reason"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", (string?)held["create_date_time"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", (string?)held["last_modified_date_time"]);
    }

    [Fact]
    public async Task The_list_is_ordered_by_category_id()
    {
        var customer = await _http.CreateCustomer();
        var first = await _http.CreateCategory();
        var second = await _http.CreateCategory();
        await _http.AddCategory(customer, second, "b");
        await _http.AddCategory(customer, first, "a");

        var list = await (await Client.GetAsync(_http.CustomerCategories(customer))).AssertStatus(HttpStatusCode.OK);

        Assert.Equal([first, second], list["categories"]!.AsArray().Select(c => (int)c!["id"]!));
    }

    [Fact]
    public async Task Getting_one_category_of_a_customer_is_200()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory("risk");
        await _http.AddCategory(customer, category, "high");

        var held = await (await Client.GetAsync($"{_http.CustomerCategories(customer)}/{category}")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(category, (int)held["id"]!);
        Assert.Equal("risk", (string?)held["name"]);
        Assert.Equal("high", (string?)held["value"]);
    }

    [Fact]
    public async Task A_category_given_without_description_or_reason_lists_both_as_null()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory("risk");
        await (await Client.PostJson(_http.CustomerCategories(customer), new JsonObject { ["id"] = category, ["value"] = "high" })).AssertStatus(HttpStatusCode.Created);

        var held = (await (await Client.GetAsync($"{_http.CustomerCategories(customer)}/{category}")).AssertStatus(HttpStatusCode.OK)).AsObject();
        var history = await (await Client.GetAsync($"{_http.CustomerCategories(customer)}/historical")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(["id", "name", "value", "description", "reason", "create_date_time", "last_modified_date_time"], held.Select(p => p.Key));
        Assert.Null(held["description"]);
        Assert.Null(held["reason"]);
        var value = history["categories"]![0]!["historical_values"]![0]!.AsObject();
        Assert.True(value.ContainsKey("description") && value.ContainsKey("reason"));
    }

    [Fact]
    public async Task Getting_a_category_the_customer_does_not_have_is_404()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory();

        await (await Client.GetAsync($"{_http.CustomerCategories(customer)}/{category}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task A_null_valued_category_is_hidden_from_the_list_and_404_alone_but_kept_in_history()
    {
        var customer = await _http.CreateCustomer();
        var hidden = await _http.CreateCategory("hidden");
        var shown = await _http.CreateCategory("shown");
        await _http.AddCategory(customer, hidden, null);
        await _http.AddCategory(customer, shown, "yes");

        var list = await (await Client.GetAsync(_http.CustomerCategories(customer))).AssertStatus(HttpStatusCode.OK);
        Assert.Equal([shown], list["categories"]!.AsArray().Select(c => (int)c!["id"]!));
        await (await Client.GetAsync($"{_http.CustomerCategories(customer)}/{hidden}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");

        var history = await (await Client.GetAsync($"{_http.CustomerCategories(customer)}/historical")).AssertStatus(HttpStatusCode.OK);
        var entry = history["categories"]!.AsArray().Single(c => (int)c!["id"]! == hidden)!;
        var row = Assert.Single(entry["historical_values"]!.AsArray())!.AsObject();
        Assert.True(row.ContainsKey("value"));
        Assert.Null((string?)row["value"]);
        Assert.False(row.ContainsKey("end_date"));
    }

    [Fact]
    public async Task A_value_is_optional_when_adding()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory();

        await (await Client.PostJson(_http.CustomerCategories(customer), new JsonObject { ["id"] = category })).AssertStatus(HttpStatusCode.Created);

        await (await Client.PostJson(_http.CustomerCategories(customer), new JsonObject { ["id"] = category })).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task Adding_an_unknown_category_is_404()
    {
        var customer = await _http.CreateCustomer();

        await (await Client.PostJson(_http.CustomerCategories(customer), JsonNode.Parse("""{"id": 214748364, "value": "a"}""")!))
            .AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task Adding_a_category_of_another_org_is_404()
    {
        var customer = await _http.CreateCustomer();
        var foreign = await new CatalogHttp(api).CreateCategory();

        await (await Client.PostJson(_http.CustomerCategories(customer), JsonNode.Parse($$"""{"id": {{foreign}}, "value": "a"}""")!))
            .AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task Adding_a_value_outside_the_valid_values_is_400_naming_the_value()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory("risk", "high", "low");

        var messages = await (await Client.PostJson(_http.CustomerCategories(customer), JsonNode.Parse($$"""{"id": {{category}}, "value": "medium"}""")!))
            .AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("value: "));
        Assert.Empty((await _http.CatalogGrain().Usage()).Categories[category]);
    }

    [Fact]
    public async Task Any_value_on_the_pattern_is_accepted_when_the_category_has_no_valid_values()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory();

        await _http.AddCategory(customer, category, "anything_9");

        var held = await (await Client.GetAsync($"{_http.CustomerCategories(customer)}/{category}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("anything_9", (string?)held["value"]);
    }

    [Theory]
    [InlineData("""{"value": "a"}""", "id: ")]
    [InlineData("""{"id": 1, "value": "Upper"}""", "value: ")]
    [InlineData("""{"id": 1, "value": "with space"}""", "value: ")]
    [InlineData("""{"id": 1, "value": "a", "description": ""}""", "description: ")]
    [InlineData("""{"id": 1, "value": "a", "reason": "REASON_OF_201"}""", "reason: ")]
    [InlineData("""{"id": "one", "value": "a"}""", "id: ")]
    public async Task Adding_with_an_invalid_field_is_400_naming_it(string body, string field)
    {
        var customer = await _http.CreateCustomer();

        var messages = await (await Client.PostAsync(_http.CustomerCategories(customer), HttpAssertions.Json(body.Replace("REASON_OF_201", new string('r', 201)))))
            .AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith(field));
    }

    [Fact]
    public async Task Adding_a_category_the_customer_already_has_is_409()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory();
        await _http.AddCategory(customer, category, "a");

        await (await Client.PostJson(_http.CustomerCategories(customer), JsonNode.Parse($$"""{"id": {{category}}, "value": "b"}""")!))
            .AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task Patching_the_value_closes_the_old_history_row_and_opens_one_recording_each_actor()
    {
        // The "other" key may use only its own org; the admin key may use every org.
        var http = new CatalogHttp(api, org: TestKeys.OtherOrg);
        var other = api.Client(TestKeys.OtherOrgAdmin);
        var name = CatalogHttp.UniqueName();
        var customer = await http.CreateCustomer();
        var category = await http.CreateCategory(name, "low", "high");
        await http.AddCategory(customer, category, "low");

        await (await other.PatchJson($"{http.CustomerCategories(customer)}/{category}", JsonNode.Parse("""{"value": "high", "reason": "Late payments"}""")!))
            .AssertStatus(HttpStatusCode.NoContent);

        var current = await (await http.Client.GetAsync($"{http.CustomerCategories(customer)}/{category}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("high", (string?)current["value"]);
        Assert.Equal("Bill discount", (string?)current["description"]);
        Assert.Equal("Late payments", (string?)current["reason"]);

        var history = await (await http.Client.GetAsync($"{http.CustomerCategories(customer)}/historical")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(customer, (string?)history["customer_id"]);
        var entry = Assert.Single(history["categories"]!.AsArray())!;
        Assert.Equal(category, (int)entry["id"]!);
        Assert.Equal(name, (string?)entry["name"]);
        var rows = entry["historical_values"]!.AsArray();
        Assert.Equal(2, rows.Count);
        Assert.Equal("low", (string?)rows[0]!["value"]);
        Assert.Equal("Bill discount", (string?)rows[0]!["description"]);
        Assert.Equal("Sponsored videos", (string?)rows[0]!["reason"]);
        Assert.Equal("other", (string?)rows[0]!["modified_by"]);
        Assert.Equal("high", (string?)rows[1]!["value"]);
        Assert.Equal("Late payments", (string?)rows[1]!["reason"]);
        Assert.Null(rows[1]!["end_date"]);
        Assert.Equal("other", (string?)rows[1]!["modified_by"]);
        foreach (var field in new[] { "create_date", "end_date", "last_modified_date" })
        {
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", (string?)rows[0]![field]);
        }

        Assert.Equal((string?)rows[0]!["end_date"], (string?)rows[1]!["create_date"]);
    }

    [Fact]
    public async Task History_records_the_name_of_the_key_that_added_the_value()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory();
        await _http.AddCategory(customer, category, "a");

        var history = await (await Client.GetAsync($"{_http.CustomerCategories(customer)}/historical")).AssertStatus(HttpStatusCode.OK);

        var row = history["categories"]![0]!["historical_values"]![0]!;
        Assert.Equal("admin", (string?)row["modified_by"]);
        Assert.Equal((string?)row["create_date"], (string?)row["last_modified_date"]);
    }

    [Fact]
    public async Task Patching_only_the_description_amends_the_current_history_row()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory();
        await _http.AddCategory(customer, category, "a");

        await (await Client.PatchJson($"{_http.CustomerCategories(customer)}/{category}", JsonNode.Parse("""{"description": "New words"}""")!))
            .AssertStatus(HttpStatusCode.NoContent);

        var history = await (await Client.GetAsync($"{_http.CustomerCategories(customer)}/historical")).AssertStatus(HttpStatusCode.OK);
        var row = Assert.Single(history["categories"]![0]!["historical_values"]!.AsArray())!;
        Assert.Equal("a", (string?)row["value"]);
        Assert.Equal("New words", (string?)row["description"]);
        Assert.Null(row["end_date"]);
    }

    [Fact]
    public async Task Patching_to_a_value_outside_the_valid_values_is_400_and_changes_nothing()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory("risk", "low", "high");
        await _http.AddCategory(customer, category, "low");

        var messages = await (await Client.PatchJson($"{_http.CustomerCategories(customer)}/{category}", JsonNode.Parse("""{"value": "medium"}""")!))
            .AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("value: "));
        var held = await (await Client.GetAsync($"{_http.CustomerCategories(customer)}/{category}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("low", (string?)held["value"]);
    }

    [Fact]
    public async Task Patching_with_a_value_off_the_pattern_is_400_naming_it()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory();
        await _http.AddCategory(customer, category, "a");

        var messages = await (await Client.PatchJson($"{_http.CustomerCategories(customer)}/{category}", JsonNode.Parse("""{"value": "NOT-OK"}""")!))
            .AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(messages, m => m.StartsWith("value: "));
    }

    [Fact]
    public async Task Patching_or_deleting_a_category_the_customer_does_not_have_is_404()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory();

        await (await Client.PatchJson($"{_http.CustomerCategories(customer)}/{category}", JsonNode.Parse("""{"value": "a"}""")!))
            .AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await Client.DeleteAsync($"{_http.CustomerCategories(customer)}/{category}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task Deleting_a_customer_category_is_204_and_its_history_row_is_closed()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory();
        await _http.AddCategory(customer, category, "a");

        await (await Client.DeleteAsync($"{_http.CustomerCategories(customer)}/{category}")).AssertStatus(HttpStatusCode.NoContent);

        Assert.Empty((await (await Client.GetAsync(_http.CustomerCategories(customer))).AssertStatus(HttpStatusCode.OK))["categories"]!.AsArray());
        await (await Client.GetAsync($"{_http.CustomerCategories(customer)}/{category}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        var history = await (await Client.GetAsync($"{_http.CustomerCategories(customer)}/historical")).AssertStatus(HttpStatusCode.OK);
        var row = Assert.Single(history["categories"]![0]!["historical_values"]!.AsArray())!;
        Assert.NotNull((string?)row["end_date"]);
    }

    [Fact]
    public async Task A_category_can_be_taken_again_after_it_was_removed_and_history_keeps_both()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory();
        await _http.AddCategory(customer, category, "a");
        await (await Client.DeleteAsync($"{_http.CustomerCategories(customer)}/{category}")).AssertStatus(HttpStatusCode.NoContent);

        await _http.AddCategory(customer, category, "b");

        var history = await (await Client.GetAsync($"{_http.CustomerCategories(customer)}/historical")).AssertStatus(HttpStatusCode.OK);
        var rows = history["categories"]![0]!["historical_values"]!.AsArray();
        Assert.Equal(["a", "b"], rows.Select(r => (string)r!["value"]!));
        Assert.NotNull(rows[0]!["end_date"]);
        Assert.Null(rows[1]!["end_date"]);
    }

    [Fact]
    public async Task Deleting_a_category_from_the_catalogue_ends_it_on_every_customer_that_held_it()
    {
        var first = await _http.CreateCustomer();
        var second = await _http.CreateCustomer();
        var bystander = await _http.CreateCustomer();
        var doomed = await _http.CreateCategory("doomed");
        var kept = await _http.CreateCategory("kept");
        await _http.AddCategory(first, doomed, "a");
        await _http.AddCategory(second, doomed, null);
        await _http.AddCategory(first, kept, "k");
        await _http.AddCategory(bystander, kept, "k");

        await (await Client.DeleteAsync($"{_http.Categories}/{doomed}")).AssertStatus(HttpStatusCode.NoContent);

        var list = await (await Client.GetAsync(_http.CustomerCategories(first))).AssertStatus(HttpStatusCode.OK);
        Assert.Equal([kept], list["categories"]!.AsArray().Select(c => (int)c!["id"]!));
        foreach (var holder in new[] { first, second })
        {
            await (await Client.GetAsync($"{_http.CustomerCategories(holder)}/{doomed}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
            var history = await (await Client.GetAsync($"{_http.CustomerCategories(holder)}/historical")).AssertStatus(HttpStatusCode.OK);
            var entry = history["categories"]!.AsArray().Single(c => (int)c!["id"]! == doomed)!;
            Assert.Equal("doomed", (string?)entry["name"]);
            var row = Assert.Single(entry["historical_values"]!.AsArray())!;
            Assert.NotNull((string?)row["end_date"]);
            Assert.Equal("admin", (string?)row["modified_by"]);
        }

        await (await Client.PostJson(_http.CustomerCategories(second), JsonNode.Parse($$"""{"id": {{doomed}}, "value": "a"}""")!))
            .AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        Assert.Single((await (await Client.GetAsync(_http.CustomerCategories(bystander))).AssertStatus(HttpStatusCode.OK))["categories"]!.AsArray());
    }

    [Fact]
    public async Task Removing_from_the_catalogue_a_value_a_customer_holds_is_409_until_the_customer_drops_it()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory("risk", "low", "high");
        await _http.AddCategory(customer, category, "low");
        var patch = JsonNode.Parse("""{"valid_values": ["high"]}""")!;

        await (await Client.PatchJson($"{_http.Categories}/{category}", patch)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
        await (await Client.PatchJson($"{_http.Categories}/{category}", JsonNode.Parse("""{"valid_values": ["low", "medium"]}""")!)).AssertStatus(HttpStatusCode.NoContent);

        await (await Client.DeleteAsync($"{_http.CustomerCategories(customer)}/{category}")).AssertStatus(HttpStatusCode.NoContent);

        await (await Client.PatchJson($"{_http.Categories}/{category}", patch)).AssertStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Emptying_the_valid_values_while_a_value_is_held_allows_every_value_and_keeps_the_holder()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory("tier", "low", "high");
        await _http.AddCategory(customer, category, "low");

        await (await Client.PatchJson($"{_http.Categories}/{category}", JsonNode.Parse("""{"valid_values": []}""")!)).AssertStatus(HttpStatusCode.NoContent);

        var held = await (await Client.GetAsync($"{_http.CustomerCategories(customer)}/{category}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("low", held["value"]!.GetValue<string>());
        await _http.AddCategory(await _http.CreateCustomer(), category, "anything_now");
    }

    [Fact]
    public async Task Restricting_a_free_category_to_values_that_leave_out_a_held_one_is_409()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory();
        await _http.AddCategory(customer, category, "free_value");

        await (await Client.PatchJson($"{_http.Categories}/{category}", JsonNode.Parse("""{"valid_values": ["other"]}""")!))
            .AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
        await (await Client.PatchJson($"{_http.Categories}/{category}", JsonNode.Parse("""{"valid_values": ["free_value", "other"]}""")!))
            .AssertStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_value_changed_on_the_customer_frees_the_old_one_in_the_catalogue()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory("risk", "low", "high");
        await _http.AddCategory(customer, category, "low");

        await (await Client.PatchJson($"{_http.CustomerCategories(customer)}/{category}", JsonNode.Parse("""{"value": "high"}""")!)).AssertStatus(HttpStatusCode.NoContent);

        await (await Client.PatchJson($"{_http.Categories}/{category}", JsonNode.Parse("""{"valid_values": ["high"]}""")!)).AssertStatus(HttpStatusCode.NoContent);
        await (await Client.PatchJson($"{_http.Categories}/{category}", JsonNode.Parse("""{"valid_values": ["low"]}""")!)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task Deleting_a_customer_frees_the_values_it_held()
    {
        var customer = await _http.CreateCustomer();
        var category = await _http.CreateCategory("risk", "low", "high");
        await _http.AddCategory(customer, category, "low");

        await (await Client.DeleteAsync($"/v4/orgs/{_http.Org}/customers/{customer}")).AssertStatus(HttpStatusCode.NoContent);

        await (await Client.PatchJson($"{_http.Categories}/{category}", JsonNode.Parse("""{"valid_values": ["high"]}""")!)).AssertStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Every_customer_category_endpoint_is_404_for_an_unknown_or_deleted_customer()
    {
        var category = await _http.CreateCategory();
        var deleted = await _http.CreateCustomer();
        await (await Client.DeleteAsync($"/v4/orgs/{_http.Org}/customers/{deleted}")).AssertStatus(HttpStatusCode.NoContent);

        foreach (var customer in new[] { Guid.NewGuid().ToString(), deleted })
        {
            var url = _http.CustomerCategories(customer);
            await (await Client.PostJson(url, JsonNode.Parse($$"""{"id": {{category}}, "value": "a"}""")!)).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
            await (await Client.GetAsync(url)).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
            await (await Client.GetAsync($"{url}/historical")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
            await (await Client.GetAsync($"{url}/{category}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
            await (await Client.PatchJson($"{url}/{category}", JsonNode.Parse("""{"value": "a"}""")!)).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
            await (await Client.DeleteAsync($"{url}/{category}")).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        }
    }

    [Fact]
    public async Task A_customer_of_another_org_is_404()
    {
        var customer = await _http.CreateCustomer();
        var other = new CatalogHttp(api);

        await (await Client.GetAsync(other.CustomerCategories(customer))).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task Malformed_customer_or_category_ids_are_400_naming_them()
    {
        var customer = await _http.CreateCustomer();

        var badCustomer = await (await Client.GetAsync(_http.CustomerCategories("not-a-uuid"))).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");
        var badCategory = await (await Client.GetAsync($"{_http.CustomerCategories(customer)}/abc")).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");
        var badPatch = await (await Client.PatchJson($"{_http.CustomerCategories(customer)}/abc", new JsonObject())).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");
        var badDelete = await (await Client.DeleteAsync($"{_http.CustomerCategories(customer)}/abc")).AssertError(HttpStatusCode.BadRequest, "MCUS.999.998");

        Assert.Contains(badCustomer, m => m.StartsWith("customer_id: "));
        Assert.Contains(badCategory, m => m.StartsWith("category_id: "));
        Assert.Contains(badPatch, m => m.StartsWith("category_id: "));
        Assert.Contains(badDelete, m => m.StartsWith("category_id: "));
    }

    [Fact]
    public async Task A_key_without_the_customer_categories_permission_is_403()
    {
        var reader = api.Client(TestKeys.CustomersReader);
        var url = $"/v4/orgs/telco/customers/{Guid.NewGuid()}/categories";

        await (await reader.GetAsync(url)).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await reader.GetAsync($"{url}/historical")).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await reader.GetAsync($"{url}/1")).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await reader.PostJson(url, JsonNode.Parse("""{"id": 1, "value": "a"}""")!)).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await reader.PatchJson($"{url}/1", new JsonObject())).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
        await (await reader.DeleteAsync($"{url}/1")).AssertError(HttpStatusCode.Forbidden, "MCUS.999.995");
    }
}
