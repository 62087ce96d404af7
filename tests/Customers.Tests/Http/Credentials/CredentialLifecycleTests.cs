using System.Net;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Credentials;

[Collection(ApiCollection.Name)]
public class CredentialLifecycleTests(ApiHostFixture api)
{
    private readonly CredentialApi _api = new(api.Client());

    [Fact]
    public async Task Creating_a_credential_reserves_it_and_lists_it_as_the_current_one()
    {
        var customer = await _api.CreateCustomer();
        var username = Bodies.UniqueEmail();

        var created = await (await _api.Create(customer, username)).AssertStatus(HttpStatusCode.Created);

        var listed = await _api.Get(customer);
        Assert.Equal(username, (string?)listed["username"]);
        Assert.Equal(customer, (string?)listed["customer_id"]);
        var credential = Assert.Single(listed["credentials"]!.AsArray())!;
        Assert.Equal((string?)created["id"], (string?)credential["id"]);
        Assert.Equal(username, (string?)credential["username"]);
        Assert.Equal("RESERVED", (string?)credential["status"]);
    }

    [Fact]
    public async Task A_customer_without_a_credential_lists_none_and_has_no_username()
    {
        var customer = await _api.CreateCustomer();

        var listed = await _api.Get(customer);

        Assert.Null(listed["username"]);
        Assert.Equal(customer, (string?)listed["customer_id"]);
        Assert.Empty(listed["credentials"]!.AsArray());
    }

    [Fact]
    public async Task A_migrated_credential_is_active_at_once()
    {
        var customer = await _api.CreateCustomer();

        var created = await (await _api.Migrate(customer, Bodies.UniqueEmail())).AssertStatus(HttpStatusCode.Created);

        var credential = await _api.Current(customer);
        Assert.Equal((string?)created["id"], (string?)credential!["id"]);
        Assert.Equal("ACTIVE", (string?)credential["status"]);
    }

    [Fact]
    public async Task Activation_is_accepted_and_the_in_process_provider_makes_the_credential_active()
    {
        var customer = await _api.CreateCustomer();
        await _api.CreateCredential(customer, Bodies.UniqueEmail());

        var accepted = await _api.Activate(customer);

        await accepted.AssertStatus(HttpStatusCode.Accepted);
        var final = await Eventually.Until(() => _api.Current(customer), c => (string?)c!["status"] == "ACTIVE");
        Assert.Equal("ACTIVE", (string?)final!["status"]);
    }

    [Fact]
    public async Task Activating_a_customer_without_a_credential_is_404()
    {
        var customer = await _api.CreateCustomer();

        await (await _api.Activate(customer)).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
    }

    [Fact]
    public async Task Activating_an_active_credential_is_409()
    {
        var customer = await _api.CreateCustomer();
        await (await _api.Migrate(customer, Bodies.UniqueEmail())).AssertStatus(HttpStatusCode.Created);

        await (await _api.Activate(customer)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task The_expiration_date_is_set_and_removed_with_null()
    {
        var customer = await _api.CreateCustomer();
        await _api.CreateCredential(customer, Bodies.UniqueEmail());

        await (await _api.SetExpiration(customer, """{"expiration_date": "2099-12-31"}""")).AssertStatus(HttpStatusCode.NoContent);
        Assert.Equal("2099-12-31", (string?)(await _api.Current(customer))!["expiration_date"]);

        await (await _api.SetExpiration(customer, """{"expiration_date": null}""")).AssertStatus(HttpStatusCode.NoContent);
        Assert.Null((await _api.Current(customer))!["expiration_date"]);
    }

    [Fact]
    public async Task A_credential_past_its_expiration_date_is_reported_expired_and_keeps_its_status()
    {
        var customer = await _api.CreateCustomer();
        await (await _api.Migrate(customer, Bodies.UniqueEmail())).AssertStatus(HttpStatusCode.Created);

        await (await _api.SetExpiration(customer, """{"expiration_date": "2020-01-31"}""")).AssertStatus(HttpStatusCode.NoContent);

        var credential = (await _api.Current(customer))!;
        Assert.Equal("ACTIVE", (string?)credential["status"]);
        Assert.Equal("2020-01-31", (string?)credential["expiration_date"]);
        Assert.True((bool)credential["expired"]!);
    }

    [Fact]
    public async Task Changing_a_reserved_username_moves_the_search_to_the_new_one()
    {
        var customer = await _api.CreateCustomer();
        var before = Bodies.UniqueEmail();
        await _api.CreateCredential(customer, before);
        var after = Bodies.UniqueEmail();

        await (await _api.Change(customer, after)).AssertStatus(HttpStatusCode.NoContent);

        var credential = (await _api.Current(customer))!;
        Assert.Equal(after, (string?)credential["username"]);
        Assert.Equal("RESERVED", (string?)credential["status"]);
        await (await _api.Search(before)).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        Assert.Equal(customer, (string?)(await (await _api.Search(after)).AssertStatus(HttpStatusCode.OK))["customer"]!["id"]);
    }

    [Fact]
    public async Task A_changed_username_is_free_again_at_once()
    {
        var customer = await _api.CreateCustomer();
        var before = Bodies.UniqueEmail();
        await _api.CreateCredential(customer, before);
        await (await _api.Change(customer, Bodies.UniqueEmail())).AssertStatus(HttpStatusCode.NoContent);

        var other = await _api.CreateCustomer();

        await (await _api.Create(other, before)).AssertStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Changing_only_the_case_of_the_username_keeps_it()
    {
        var customer = await _api.CreateCustomer();
        var username = Bodies.UniqueEmail();
        await _api.CreateCredential(customer, username);

        await (await _api.Change(customer, username.ToUpperInvariant())).AssertStatus(HttpStatusCode.NoContent);

        Assert.Equal(username.ToUpperInvariant(), (string?)(await _api.Current(customer))!["username"]);
        Assert.Equal(customer, (string?)(await (await _api.Search(username)).AssertStatus(HttpStatusCode.OK))["customer"]!["id"]);
    }

    [Fact]
    public async Task Deleting_the_credential_frees_its_username_at_once()
    {
        var customer = await _api.CreateCustomer();
        var username = Bodies.UniqueEmail();
        var credential = await _api.CreateCredential(customer, username);

        await (await _api.Delete(customer, credential)).AssertStatus(HttpStatusCode.NoContent);

        var listed = await _api.Get(customer);
        Assert.Null(listed["username"]);
        Assert.Empty(listed["credentials"]!.AsArray());
        await (await _api.Search(username)).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _api.Create(await _api.CreateCustomer(), username)).AssertStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task After_deleting_its_credential_a_customer_may_create_a_new_one()
    {
        var customer = await _api.CreateCustomer();
        var first = await _api.CreateCredential(customer, Bodies.UniqueEmail());
        await (await _api.Delete(customer, first)).AssertStatus(HttpStatusCode.NoContent);

        var second = await _api.CreateCredential(customer, Bodies.UniqueEmail());

        Assert.NotEqual(first, second);
        Assert.Equal(second, (string?)(await _api.Current(customer))!["id"]);
    }

    [Fact]
    public async Task Deleting_a_credential_that_is_not_this_customers_is_404()
    {
        var owner = await _api.CreateCustomer();
        var credential = await _api.CreateCredential(owner, Bodies.UniqueEmail());
        var other = await _api.CreateCustomer();

        await (await _api.Delete(other, credential)).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _api.Delete(owner, Guid.NewGuid().ToString())).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        Assert.NotNull(await _api.Current(owner));
    }
}
