using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Http.Catalog;
using Customers.Tests.Http.Credentials;
using Customers.Tests.Http.Identification;
using Customers.Tests.Infrastructure;
using static Customers.Tests.Http.Accounts.AccountBodies;
using static Customers.Tests.Http.Accounts.PromotionBodies;

namespace Customers.Tests.Http.Events;

/// <summary>Each request that changes something records the event of its type, with the calling key as actor.</summary>
[Collection(ApiCollection.Name)]
public class EventTypeTests(ApiHostFixture api)
{
    private readonly HttpClient _client = api.Client();
    private EventsApi Events => new(_client);

    [Fact]
    public async Task Account_requests_record_created_billing_address_payment_method_and_closed()
    {
        var (customer, account, _) = await _client.CreateCustomerWithAccount();
        var address = BillingAddress();
        address["locality"] = "Madrid";
        await (await _client.PatchJson($"{Org}/accounts/{account}/billing-address", address)).AssertStatus(HttpStatusCode.NoContent);
        await (await _client.PatchJson($"{Org}/accounts/{account}/payment-method", DirectDebit())).AssertStatus(HttpStatusCode.NoContent);
        await (await _client.DeleteAsync($"{Org}/customers/{customer}/accounts/{account}")).AssertStatus(HttpStatusCode.NoContent);

        // A closed account's own trail is 404; its events stay in its customer's.
        var events = (await Events.OfCustomer(customer)).Where(e => (string?)e["account_id"] == account).ToList();

        Assert.Equal(
            ["account.created", "account.billing_address.changed", "account.payment_method.changed", "account.closed"],
            EventsApi.Types(events));
        Assert.All(events, e => Assert.Equal((customer, account, "admin"), ((string)e["customer_id"]!, (string)e["account_id"]!, (string)e["actor"]!)));
    }

    [Fact]
    public async Task Tokenization_requests_record_requested_then_completed_or_failed()
    {
        var completing = Guid.NewGuid();
        var failing = Guid.NewGuid();
        var first = (string)(await _client.CreateAccount(await _client.CreateCustomer(), Account(CardReference(completing), "POSTPAID"), HttpStatusCode.Accepted))["id"]!;
        var (_, second, _) = await _client.CreateCustomerWithAccount();
        await (await _client.PatchJson($"{Org}/accounts/{second}/payment-method", CardReference(failing))).AssertStatus(HttpStatusCode.Accepted);

        await (await _client.PostResult(completing, Completed())).AssertStatus(HttpStatusCode.NoContent);
        await (await _client.PostResult(failing, Failed())).AssertStatus(HttpStatusCode.NoContent);

        Assert.Equal(["account.created", "account.tokenization.completed"], EventsApi.Types(await Events.OfAccount(first)));
        Assert.Equal(["account.created", "account.tokenization.requested", "account.tokenization.failed"], EventsApi.Types(await Events.OfAccount(second)));
    }

    [Fact]
    public async Task Contract_and_promotion_requests_record_their_events()
    {
        var (_, account, externalId) = await _client.CreateCustomerWithAccount();
        var request = JsonNode.Parse($$"""{"request_external_id": "{{Random.Shared.Next(1, int.MaxValue)}}", "contract_reference_id": "MMC2105077108808", "type": "SALE_MOBILE_ONLY"}""")!;
        await (await _client.PostJson($"{Org}/external-accounts/{externalId}/contracts/active/requests", request)).AssertStatus(HttpStatusCode.Created);
        var added = await (await _client.PostJson($"{Org}/accounts/{account}/promotions", Promotion(7, Today.AddDays(10)))).AssertStatus(HttpStatusCode.OK);
        var relation = (string)added[0]!["id"]!;
        await (await _client.PatchJson($"{Org}/accounts/{account}/promotions/{relation}", Cancellation(Today.AddDays(5)))).AssertStatus(HttpStatusCode.NoContent);

        Assert.Equal(
            ["account.created", "account.contract.requested", "promotion.created", "promotion.cancelled"],
            EventsApi.Types(await Events.OfAccount(account)));
    }

    [Fact]
    public async Task Credential_requests_record_created_activated_username_expiration_and_deleted()
    {
        var credentials = new CredentialApi(_client);
        var customer = await credentials.CreateCustomer();
        var credential = await credentials.CreateCredential(customer, Bodies.UniqueEmail());
        await (await credentials.Activate(customer)).AssertStatus(HttpStatusCode.Accepted);
        await (await credentials.Change(customer, Bodies.UniqueEmail())).AssertStatus(HttpStatusCode.NoContent);
        await (await credentials.SetExpiration(customer, """{"expiration_date": "2099-01-01"}""")).AssertStatus(HttpStatusCode.NoContent);
        await (await credentials.Delete(customer, credential)).AssertStatus(HttpStatusCode.NoContent);

        Assert.Equal(
            ["customer.created", "credential.created", "credential.activated", "credential.username_changed", "credential.expiration_changed", "credential.deleted"],
            EventsApi.Types(await Events.OfCustomer(customer)));
    }

    [Fact]
    public async Task An_identification_upload_records_identification_uploaded()
    {
        var customer = await _client.CreateCustomer();

        await (await _client.PostAsync($"{Org}/customers/{customer}/identification-processes", Documents.Form(Documents.Pdf()))).AssertStatus(HttpStatusCode.Created);

        Assert.Equal(["customer.created", "identification.uploaded"], EventsApi.Types(await Events.OfCustomer(customer)));
    }

    [Fact]
    public async Task Catalogue_and_customer_category_requests_record_their_events()
    {
        var catalog = new CatalogHttp(api, _client);
        var events = new EventsApi(_client, catalog.Org);
        var customer = await catalog.CreateCustomer();
        var category = await catalog.CreateCategory(null, "gold", "silver");
        await catalog.AddCategory(customer, category, "gold");
        await (await _client.PatchJson(catalog.CustomerCategories(customer) + $"/{category}", JsonNode.Parse("""{"value": "silver"}""")!)).AssertStatus(HttpStatusCode.NoContent);
        await (await _client.DeleteAsync(catalog.CustomerCategories(customer) + $"/{category}")).AssertStatus(HttpStatusCode.NoContent);
        await (await _client.PatchJson($"{catalog.Categories}/{category}", JsonNode.Parse("""{"description": "Renamed"}""")!)).AssertStatus(HttpStatusCode.NoContent);
        await (await _client.DeleteAsync($"{catalog.Categories}/{category}")).AssertStatus(HttpStatusCode.NoContent);

        var feed = await events.AllAfter(0);

        Assert.Equal(
            ["customer.created", "catalogue.category.created", "customer.category.set", "customer.category.set", "customer.category.removed", "catalogue.category.updated", "catalogue.category.deleted"],
            EventsApi.Types(feed));
        Assert.All(feed.Where(e => ((string)e["type"]!).StartsWith("catalogue.", StringComparison.Ordinal)), e => Assert.Null(e["customer_id"]));
        Assert.Equal([$"categories.{category}"], feed[1]["changes"]!.AsArray().Select(c => (string)c!).ToArray());
    }

    [Fact]
    public async Task Special_treatment_requests_record_catalogue_updated_and_customer_set_and_removed()
    {
        var catalog = new CatalogHttp(api, _client);
        var events = new EventsApi(_client, catalog.Org);
        var customer = await catalog.CreateCustomer();
        await catalog.SetSpecialTreatmentValues("vip", "press");
        await (await _client.PutAsync(catalog.CustomerSpecialTreatment(customer), HttpAssertions.Json("""{"values": ["vip"]}"""))).AssertStatus(HttpStatusCode.NoContent);
        await (await _client.DeleteAsync(catalog.CustomerSpecialTreatment(customer))).AssertStatus(HttpStatusCode.NoContent);

        Assert.Equal(
            ["customer.created", "catalogue.special_treatment.updated", "customer.special_treatment.set", "customer.special_treatment.removed"],
            EventsApi.Types(await events.AllAfter(0)));
    }

    [Fact]
    public async Task A_customer_patch_that_names_no_field_records_no_event_and_moves_nothing()
    {
        var customer = await _client.CreateCustomer();
        var before = await (await _client.GetAsync($"{Org}/customers/{customer}")).AssertStatus(HttpStatusCode.OK);

        await (await _client.PatchJson($"{Org}/customers/{customer}", new JsonObject())).AssertStatus(HttpStatusCode.NoContent);

        var after = await (await _client.GetAsync($"{Org}/customers/{customer}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(["customer.created"], EventsApi.Types(await Events.OfCustomer(customer)));
        Assert.Equal((string?)before["updated_at"], (string?)after["updated_at"]);
    }

    [Fact]
    public async Task A_customer_patch_that_sends_the_values_it_has_records_no_event_and_moves_nothing()
    {
        var customer = await _client.CreateCustomer();
        var before = await (await _client.GetAsync($"{Org}/customers/{customer}")).AssertStatus(HttpStatusCode.OK);
        var same = new JsonObject
        {
            ["preferred_language"] = (string?)before["preferred_language"],
            ["personal_info"] = new JsonObject { ["name"] = (string?)before["personal_info"]!["name"] },
            ["contact_info"] = new JsonObject { ["postal_address"] = before["contact_info"]!["postal_address"]!.DeepClone() },
        };

        await (await _client.PatchJson($"{Org}/customers/{customer}", same)).AssertStatus(HttpStatusCode.NoContent);

        var after = await (await _client.GetAsync($"{Org}/customers/{customer}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(["customer.created"], EventsApi.Types(await Events.OfCustomer(customer)));
        Assert.Equal((string?)before["updated_at"], (string?)after["updated_at"]);
    }

    [Fact]
    public async Task A_customer_patch_names_in_its_event_only_the_fields_whose_values_changed()
    {
        var customer = await _client.CreateCustomer();
        var before = await (await _client.GetAsync($"{Org}/customers/{customer}")).AssertStatus(HttpStatusCode.OK);
        var patch = new JsonObject
        {
            ["preferred_language"] = (string?)before["preferred_language"] == "ca" ? "es" : "ca",
            ["personal_info"] = new JsonObject { ["name"] = (string?)before["personal_info"]!["name"] },
        };

        await (await _client.PatchJson($"{Org}/customers/{customer}", patch)).AssertStatus(HttpStatusCode.NoContent);

        var updated = (await Events.OfCustomer(customer)).Last();
        Assert.Equal("customer.updated", (string?)updated["type"]);
        Assert.Equal(["preferred_language"], updated["changes"]!.AsArray().Select(c => (string?)c));
    }

    [Fact]
    public async Task A_profile_patch_names_each_changed_field_of_the_profile()
    {
        var customer = await _client.CreateCustomer();
        var before = await (await _client.GetAsync($"{Org}/customers/{customer}")).AssertStatus(HttpStatusCode.OK);
        var patch = new JsonObject
        {
            ["personal_info"] = new JsonObject
            {
                ["name"] = (string?)before["personal_info"]!["name"] + "x",
                ["first_surname"] = (string?)before["personal_info"]!["first_surname"],
                ["nationality"] = (string?)before["personal_info"]!["nationality"] == "PT" ? "FR" : "PT",
            },
        };

        await (await _client.PatchJson($"{Org}/customers/{customer}", patch)).AssertStatus(HttpStatusCode.NoContent);

        var updated = (await Events.OfCustomer(customer)).Last();
        Assert.Equal(["personal_info.name", "personal_info.nationality"], updated["changes"]!.AsArray().Select(c => (string?)c));
    }

    [Fact]
    public async Task A_digital_profile_patch_names_the_changed_e_mail()
    {
        var customer = await _client.CreateCustomer(Bodies.Digital());

        await (await _client.PatchJson($"{Org}/customers/{customer}", new JsonObject { ["digital_personal_info"] = new JsonObject { ["email"] = Bodies.UniqueEmail() } }))
            .AssertStatus(HttpStatusCode.NoContent);

        var updated = (await Events.OfCustomer(customer)).Last();
        Assert.Equal(["digital_personal_info.email"], updated["changes"]!.AsArray().Select(c => (string?)c));
    }

    [Fact]
    public async Task Setting_the_expiration_a_credential_already_has_records_no_event()
    {
        var credentials = new CredentialApi(_client);
        var customer = await credentials.CreateCustomer();
        await credentials.CreateCredential(customer, Bodies.UniqueEmail());

        await (await credentials.SetExpiration(customer, """{"expiration_date": null}""")).AssertStatus(HttpStatusCode.NoContent);
        await (await credentials.SetExpiration(customer, """{"expiration_date": "2099-01-01"}""")).AssertStatus(HttpStatusCode.NoContent);
        await (await credentials.SetExpiration(customer, """{"expiration_date": "2099-01-01"}""")).AssertStatus(HttpStatusCode.NoContent);

        Assert.Equal(["customer.created", "credential.created", "credential.expiration_changed"], EventsApi.Types(await Events.OfCustomer(customer)));
    }

    [Fact]
    public async Task Putting_the_representative_a_customer_already_has_records_no_event()
    {
        var corporate = await _client.CreateCustomer(Bodies.Corporate());
        var representative = Bodies.AssociatedUsers();

        await (await _client.PutJson($"{Org}/customers/{corporate}/associated_users", representative)).AssertStatus(HttpStatusCode.NoContent);
        await (await _client.PutJson($"{Org}/customers/{corporate}/associated_users", representative)).AssertStatus(HttpStatusCode.NoContent);

        Assert.Equal(["customer.created", "customer.updated"], EventsApi.Types(await Events.OfCustomer(corporate)));
    }

    [Fact]
    public async Task Catalogue_requests_that_change_nothing_record_no_event()
    {
        var catalog = new CatalogHttp(api, _client);
        var events = new EventsApi(_client, catalog.Org);
        var category = await catalog.CreateCategory(null, "gold", "silver");
        await catalog.SetSpecialTreatmentValues("vip", "press");

        await (await _client.PatchJson($"{catalog.Categories}/{category}", new JsonObject())).AssertStatus(HttpStatusCode.NoContent);
        await (await _client.PatchJson($"{catalog.Categories}/{category}", JsonNode.Parse("""{"valid_values": ["gold", "silver"]}""")!)).AssertStatus(HttpStatusCode.NoContent);
        await catalog.SetSpecialTreatmentValues("vip", "press");

        Assert.Equal(
            ["catalogue.category.created", "catalogue.special_treatment.updated"],
            EventsApi.Types(await events.AllAfter(0)));
    }

    [Fact]
    public async Task A_customer_category_patch_with_the_words_it_has_records_no_event_and_moves_nothing()
    {
        var catalog = new CatalogHttp(api, _client);
        var events = new EventsApi(_client, catalog.Org);
        var category = await catalog.CreateCategory(null, "gold");
        var customer = await catalog.CreateCustomer();
        await catalog.AddCategory(customer, category, "gold");
        var words = JsonNode.Parse("""{"description": "loyal", "reason": "tenure"}""")!;
        await (await _client.PatchJson($"{catalog.CustomerCategories(customer)}/{category}", words)).AssertStatus(HttpStatusCode.NoContent);
        var before = await (await _client.GetAsync($"{catalog.CustomerCategories(customer)}/{category}")).AssertStatus(HttpStatusCode.OK);

        await (await _client.PatchJson($"{catalog.CustomerCategories(customer)}/{category}", JsonNode.Parse("""{"value": "gold", "description": "loyal"}""")!))
            .AssertStatus(HttpStatusCode.NoContent);
        await (await _client.PatchJson($"{catalog.CustomerCategories(customer)}/{category}", words.DeepClone())).AssertStatus(HttpStatusCode.NoContent);

        var after = await (await _client.GetAsync($"{catalog.CustomerCategories(customer)}/{category}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal((string?)before["last_modified_date_time"], (string?)after["last_modified_date_time"]);
        Assert.Equal(
            ["customer.category.set", "customer.category.set"],
            EventsApi.Types(await events.OfCustomer(customer)).Where(t => t.StartsWith("customer.category", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Customer_requests_record_updated_for_associated_users_and_nie_conversion()
    {
        var corporate = await _client.CreateCustomer(Bodies.Corporate());
        await (await _client.PutJson($"{Org}/customers/{corporate}/associated_users", Bodies.AssociatedUsers())).AssertStatus(HttpStatusCode.NoContent);
        var foreigner = await _client.CreateCustomer(Bodies.Private(Bodies.UniqueNie(), "NIE"));
        await (await _client.PatchJson($"{Org}/customers/{foreigner}/convert-nie-to-nif", new JsonObject { ["nif"] = Bodies.UniqueNif() })).AssertStatus(HttpStatusCode.NoContent);

        var associated = (await Events.OfCustomer(corporate)).Last();
        var converted = (await Events.OfCustomer(foreigner)).Last();

        Assert.Equal(("customer.updated", "company_info.associated_users"), ((string)associated["type"]!, (string)associated["changes"]![0]!));
        Assert.Equal(("customer.updated", "personal_info.identity_document"), ((string)converted["type"]!, (string)converted["changes"]![0]!));
    }

    [Fact]
    public async Task A_self_employed_corporate_customers_nie_conversion_names_the_company_document()
    {
        var corporate = await _client.CreateCustomer(Bodies.Corporate("SELF_EMPLOYEE", Bodies.UniqueNie(), "NIE"));

        await (await _client.PatchJson($"{Org}/customers/{corporate}/convert-nie-to-nif", new JsonObject { ["nif"] = Bodies.UniqueNif() })).AssertStatus(HttpStatusCode.NoContent);

        var converted = (await Events.OfCustomer(corporate)).Last();
        Assert.Equal("customer.updated", (string?)converted["type"]);
        Assert.Equal(["company_info.identity_document"], converted["changes"]!.AsArray().Select(c => (string?)c));
    }
}
