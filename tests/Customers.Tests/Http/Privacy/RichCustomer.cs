using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Http.Accounts;
using Customers.Tests.Http.Identification;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Privacy;

/// <summary>
/// A corporate customer, in an org of its own, holding every kind of personal value the service
/// keeps: contact e-mail and phone, postal address, associated user, two accounts (one closed) with
/// an IBAN history, a billing-address change, a completed card tokenization and a promotion, a
/// category, a special treatment, an ACTIVE credential and an uploaded document.
/// </summary>
public sealed class RichCustomer
{
    private RichCustomer(HttpClient client, string org)
    {
        Client = client;
        Org = org;
    }

    public HttpClient Client { get; }

    public string Org { get; }

    public string Id { get; private set; } = "";

    public string Account { get; private set; } = "";

    public string AccountExternalId { get; private set; } = "";

    public string ClosedAccount { get; private set; } = "";

    public string Process { get; private set; } = "";

    public string CredentialId { get; private set; } = "";

    public int CategoryId { get; private set; }

    public byte[] Document { get; } = Documents.Pdf(8192);

    /// <summary>Every personal value given to the service, by name.</summary>
    public Dictionary<string, string> Values { get; } = new()
    {
        ["cif"] = Bodies.UniqueCif(),
        ["company name"] = $"Empresa {Letters()}",
        ["contact e-mail"] = Bodies.UniqueEmail(),
        ["phone number"] = $"6{Random.Shared.Next(10_000_000, 99_999_999)}",
        ["postal address"] = $"Calle {Letters()} 7",
        ["associated user nif"] = Bodies.UniqueNif(),
        ["associated user name"] = Letters(),
        ["first iban"] = AccountBodies.ValidIban(),
        ["second iban"] = AccountBodies.ValidIban(),
        ["closed account iban"] = AccountBodies.ValidIban(),
        ["billing address"] = $"Avenida {Letters()} 38",
        ["card token"] = Guid.NewGuid().ToString("N").ToUpperInvariant(),
        ["username"] = Bodies.UniqueEmail(),
    };

    public string Base => $"/v4/orgs/{Org}";

    public string Path => $"{Base}/customers/{Id}";

    public static async Task<RichCustomer> Create(HttpClient client)
    {
        var customer = new RichCustomer(client, $"priv-{Guid.NewGuid():N}"[..20]);
        await customer.Build();
        return customer;
    }

    public Task<HttpResponseMessage> Erase() => Client.DeleteAsync($"{Path}/data");

    public Task<HttpResponseMessage> Export() => Client.GetAsync($"{Path}/export");

    private async Task Build()
    {
        var body = Bodies.Corporate(document: Values["cif"]);
        body["company_info"]!["name"] = Values["company name"];
        body["contact_info"] = new JsonObject
        {
            ["emails"] = new JsonArray(new JsonObject { ["email"] = Values["contact e-mail"] }),
            ["phone_numbers"] = new JsonArray(new JsonObject { ["country_code"] = "+34", ["number"] = Values["phone number"], ["type"] = "MOBILE" }),
            ["postal_address"] = new JsonObject
            {
                ["address_lines"] = new JsonArray(Values["postal address"]),
                ["postal_code"] = "28039",
                ["locality"] = "Fuenlabrada",
                ["administrative_area"] = "Madrid",
                ["region_code"] = "ES",
            },
        };
        Id = (string)(await Send(Client.PostJson($"{Base}/customers", body), HttpStatusCode.Created))["id"]!;

        var users = Bodies.AssociatedUsers(Values["associated user nif"]);
        users["associated_users"]![0]!["name"] = Values["associated user name"];
        await Send(Client.PutJson($"{Path}/associated_users", users), HttpStatusCode.NoContent);

        var account = await Send(Client.PostJson($"{Path}/accounts", AccountBodies.Account(AccountBodies.DirectDebit(Values["first iban"]))), HttpStatusCode.OK);
        (Account, AccountExternalId) = ((string)account["id"]!, (string)account["external_id"]!);
        var accountPath = $"{Base}/accounts/{Account}";
        await Send(Client.PatchJson($"{accountPath}/payment-method", AccountBodies.DirectDebit(Values["second iban"])), HttpStatusCode.NoContent);
        var billing = AccountBodies.BillingAddress();
        billing["address_lines"] = new JsonArray(Values["billing address"]);
        await Send(Client.PatchJson($"{accountPath}/billing-address", billing), HttpStatusCode.NoContent);
        var reference = Guid.NewGuid();
        await Send(Client.PatchJson($"{accountPath}/payment-method", AccountBodies.CardReference(reference)), HttpStatusCode.Accepted);
        await Send(Client.PostJson($"{Base}/tokenization-requests/{reference}/result", AccountBodies.Completed(Values["card token"])), HttpStatusCode.NoContent);
        await Send(Client.PostJson($"{accountPath}/promotions", PromotionBodies.Promotion(4242, PromotionBodies.Today.AddDays(1), PromotionBodies.Today.AddDays(30))), HttpStatusCode.OK);

        var closed = await Send(Client.PostJson($"{Path}/accounts", AccountBodies.Account(AccountBodies.DirectDebit(Values["closed account iban"]))), HttpStatusCode.OK);
        ClosedAccount = (string)closed["id"]!;
        await Send(Client.DeleteAsync($"{Path}/accounts/{ClosedAccount}"), HttpStatusCode.NoContent);

        var category = new JsonObject { ["name"] = $"cat_{Guid.NewGuid():N}"[..20], ["description"] = "Risk", ["valid_values"] = new JsonArray("gold", "silver") };
        CategoryId = (int)(await Send(Client.PostJson($"{Base}/categories", new JsonObject { ["categories"] = new JsonArray(category) }), HttpStatusCode.Created))["categories"]![0]!["id"]!;
        await Send(Client.PostJson($"{Path}/categories", new JsonObject { ["id"] = CategoryId, ["value"] = "gold", ["description"] = "Bill discount", ["reason"] = "Loyalty" }), HttpStatusCode.Created);
        await Send(Client.PatchJson($"{Base}/special-treatment", new JsonObject { ["values"] = new JsonArray("vip") }), HttpStatusCode.NoContent);
        await Send(Client.PutJson($"{Path}/special-treatment", new JsonObject { ["values"] = new JsonArray("vip") }), HttpStatusCode.NoContent);

        CredentialId = (string)(await Send(Client.PostJson($"{Path}/credentials/migration", new JsonObject { ["username"] = Values["username"] }), HttpStatusCode.Created))["id"]!;
        Process = (string)(await Send(Client.PostAsync($"{Path}/identification-processes", Documents.Form(Document)), HttpStatusCode.Created))["process_id"]!;
    }

    private static async Task<JsonNode> Send(Task<HttpResponseMessage> request, HttpStatusCode expected) =>
        await (await request).AssertStatus(expected);

    private static string Letters() =>
        string.Concat(Enumerable.Range(0, 12).Select(i => (char)((i == 0 ? 'A' : 'a') + Random.Shared.Next(26))));
}
