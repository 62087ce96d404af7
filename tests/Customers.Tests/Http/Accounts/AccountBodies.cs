using System.Net;
using System.Numerics;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Accounts;

/// <summary>Account bodies as the page shows them, and the calls most account tests start with.</summary>
public static class AccountBodies
{
    public const string Org = "/v4/orgs/telco";

    /// <summary>A Spanish IBAN with a correct mod-97 check and random account digits.</summary>
    public static string ValidIban()
    {
        var bban = string.Concat(Enumerable.Range(0, 20).Select(_ => Random.Shared.Next(10)));
        // E = 14, S = 28; check digits 00 while computing.
        var remainder = (int)(BigInteger.Parse(bban + "142800") % 97);
        return $"ES{98 - remainder:D2}{bban}";
    }

    public static JsonObject BillingAddress() => JsonNode.Parse("""
        {
          "address_lines": ["Avenida de Bruselas, 38"],
          "postal_code": "28108",
          "state_id": "28",
          "locality": "Alcobendas",
          "administrative_area": "Madrid",
          "region_code": "ES"
        }
        """)!.AsObject();

    public static JsonObject BankTransfer() => JsonNode.Parse("""{"type": "BANK_TRANSFER", "details": {}}""")!.AsObject();

    public static JsonObject DirectDebit(string? iban = null) =>
        new() { ["type"] = "DIRECT_DEBIT", ["details"] = new JsonObject { ["iban"] = iban ?? ValidIban() } };

    public static JsonObject CardToken(string? tokenId = null) =>
        new() { ["type"] = "CREDIT_CARD", ["details"] = new JsonObject { ["token_id"] = tokenId ?? Guid.NewGuid().ToString() } };

    public static JsonObject CardReference(Guid? referenceId = null) =>
        new() { ["type"] = "CREDIT_CARD", ["details"] = new JsonObject { ["reference_id"] = (referenceId ?? Guid.NewGuid()).ToString() } };

    public static JsonObject Account(JsonObject? paymentMethod = null, string modality = "RECURRING_PREPAID") => new()
    {
        ["modality"] = modality,
        ["billing_address"] = BillingAddress(),
        ["payment_method"] = paymentMethod ?? BankTransfer(),
    };

    public static JsonObject Completed(string? tokenId = null, string summary = "5100", string expiration = "05/2099") => new()
    {
        ["status"] = "COMPLETED",
        ["token_id"] = tokenId ?? Guid.NewGuid().ToString("N").ToUpperInvariant(),
        ["card"] = new JsonObject { ["summary"] = summary, ["expiration_date"] = expiration },
    };

    public static JsonObject Failed(string message = "The credit card tokenization process failed due to invalid card details") =>
        new() { ["status"] = "FAILED", ["error_message"] = message };

    public static async Task<string> CreateCustomer(this HttpClient client, JsonObject? body = null)
    {
        var created = await (await client.PostJson($"{Org}/customers", body ?? Bodies.Private())).AssertStatus(HttpStatusCode.Created);
        return (string)created["id"]!;
    }

    /// <summary>Creates an account and returns its <c>{id, external_id}</c>.</summary>
    public static async Task<JsonNode> CreateAccount(this HttpClient client, string customerId, JsonObject? body = null, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PostJson($"{Org}/customers/{customerId}/accounts", body ?? Account())).AssertStatus(expected);

    /// <summary>A new customer with one bank-transfer account: (customer id, account id, account external id).</summary>
    public static async Task<(string Customer, string Account, string ExternalId)> CreateCustomerWithAccount(this HttpClient client, JsonObject? account = null)
    {
        var customer = await client.CreateCustomer();
        var created = await client.CreateAccount(customer, account);
        return (customer, (string)created["id"]!, (string)created["external_id"]!);
    }

    public static Task<HttpResponseMessage> PostResult(this HttpClient client, Guid referenceId, JsonObject result) =>
        client.PostJson($"{Org}/tokenization-requests/{referenceId}/result", result);
}
