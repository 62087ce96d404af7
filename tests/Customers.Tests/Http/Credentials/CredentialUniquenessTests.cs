using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Credentials;

[Collection(ApiCollection.Name)]
public class CredentialUniquenessTests(ApiHostFixture api)
{
    private readonly CredentialApi _api = new(api.Client());

    [Fact]
    public async Task Search_by_email_finds_a_customer_by_its_credential_username_ignoring_case()
    {
        var customer = await _api.CreateCustomer();
        var username = Bodies.UniqueEmail();
        await _api.CreateCredential(customer, username);

        var found = await (await _api.Search(username.ToUpperInvariant())).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(customer, (string?)found["customer"]!["id"]);
        Assert.False(string.IsNullOrEmpty((string?)found["customer"]!["external_id"]));
    }

    [Fact]
    public async Task A_customer_with_a_current_credential_cannot_create_another()
    {
        var customer = await _api.CreateCustomer();
        await _api.CreateCredential(customer, Bodies.UniqueEmail());

        await (await _api.Create(customer, Bodies.UniqueEmail())).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
        await (await _api.Migrate(customer, Bodies.UniqueEmail())).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task A_username_of_another_customers_credential_is_409_whatever_its_case()
    {
        var username = Bodies.UniqueEmail();
        await _api.CreateCredential(await _api.CreateCustomer(), username);
        var other = await _api.CreateCustomer();

        await (await _api.Create(other, username.ToUpperInvariant())).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
        await (await _api.Migrate(other, username)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task A_username_that_is_another_digital_customers_email_is_409()
    {
        var email = Bodies.UniqueEmail();
        await _api.CreateCustomer(Bodies.Digital(email));

        await (await _api.Create(await _api.CreateCustomer(), email)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task A_digital_email_that_is_another_customers_username_is_409()
    {
        var username = Bodies.UniqueEmail();
        await _api.CreateCredential(await _api.CreateCustomer(), username);

        await (await _api.Client.PostJson(_api.Customers, Bodies.Digital(username))).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task Changing_to_a_username_another_customer_holds_is_409_and_keeps_the_old_one()
    {
        var taken = Bodies.UniqueEmail();
        await _api.CreateCredential(await _api.CreateCustomer(), taken);
        var customer = await _api.CreateCustomer();
        var mine = Bodies.UniqueEmail();
        await _api.CreateCredential(customer, mine);

        await (await _api.Change(customer, taken)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");

        Assert.Equal(mine, (string?)(await _api.Current(customer))!["username"]);
        Assert.Equal(customer, (string?)(await (await _api.Search(mine)).AssertStatus(HttpStatusCode.OK))["customer"]!["id"]);
    }

    [Fact]
    public async Task A_digital_customer_may_take_its_own_email_as_username_and_keeps_it_when_the_credential_goes()
    {
        var email = Bodies.UniqueEmail();
        var customer = await _api.CreateCustomer(Bodies.Digital(email));

        var credential = await _api.CreateCredential(customer, email);
        await (await _api.Delete(customer, credential)).AssertStatus(HttpStatusCode.NoContent);

        Assert.Equal(customer, (string?)(await (await _api.Search(email)).AssertStatus(HttpStatusCode.OK))["customer"]!["id"]);
        await (await _api.Create(await _api.CreateCustomer(), email)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task A_digital_customer_changing_its_email_keeps_the_same_value_as_username()
    {
        var email = Bodies.UniqueEmail();
        var customer = await _api.CreateCustomer(Bodies.Digital(email));
        await _api.CreateCredential(customer, email);

        var patch = new JsonObject { ["digital_personal_info"] = new JsonObject { ["email"] = Bodies.UniqueEmail() } };
        await (await _api.Client.PatchJson($"{_api.Customers}/{customer}", patch)).AssertStatus(HttpStatusCode.NoContent);

        Assert.Equal(customer, (string?)(await (await _api.Search(email)).AssertStatus(HttpStatusCode.OK))["customer"]!["id"]);
        await (await _api.Create(await _api.CreateCustomer(), email)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
    }

    [Fact]
    public async Task Deleting_the_customer_frees_its_username()
    {
        var customer = await _api.CreateCustomer();
        var username = Bodies.UniqueEmail();
        await _api.CreateCredential(customer, username);

        await (await _api.Client.DeleteAsync($"{_api.Customers}/{customer}")).AssertStatus(HttpStatusCode.NoContent);

        await (await _api.Search(username)).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await (await _api.Create(await _api.CreateCustomer(), username)).AssertStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_same_username_may_exist_in_two_orgs()
    {
        var username = Bodies.UniqueEmail();
        await _api.CreateCredential(await _api.CreateCustomer(), username);
        var other = new CredentialApi(api.Client(), TestKeys.OtherOrg);

        var customer = await other.CreateCustomer();

        await (await other.Create(customer, username)).AssertStatus(HttpStatusCode.Created);
        Assert.Equal(customer, (string?)(await (await other.Search(username)).AssertStatus(HttpStatusCode.OK))["customer"]!["id"]);
    }

    [Fact]
    public async Task Twenty_concurrent_creates_of_one_username_for_different_customers_give_exactly_one_201()
    {
        var customers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _api.CreateCustomer()));
        var username = Bodies.UniqueEmail();

        var responses = await Task.WhenAll(customers.Select((c, i) => _api.Create(c, i % 2 == 0 ? username : username.ToUpperInvariant())));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(19, statuses.Count(s => s == HttpStatusCode.Conflict));
        var winner = customers[statuses.IndexOf(HttpStatusCode.Created)];
        Assert.Equal(winner, (string?)(await (await _api.Search(username)).AssertStatus(HttpStatusCode.OK))["customer"]!["id"]);
        foreach (var loser in customers.Where(c => c != winner))
        {
            Assert.Empty((await _api.Get(loser))["credentials"]!.AsArray());
        }
    }
}
