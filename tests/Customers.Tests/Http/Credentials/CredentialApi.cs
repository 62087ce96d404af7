using System.Net;
using System.Text.Json.Nodes;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.Credentials;

/// <summary>The credential endpoints of one org, as the tests call them.</summary>
public sealed class CredentialApi(HttpClient client, string org = TestKeys.Org)
{
    public HttpClient Client => client;

    public string Customers => $"/v4/orgs/{org}/customers";

    public string Path(string customerId) => $"{Customers}/{customerId}/credentials";

    public async Task<string> CreateCustomer(JsonObject? body = null) =>
        (string)(await (await client.PostJson(Customers, body ?? Bodies.Private())).AssertStatus(HttpStatusCode.Created))["id"]!;

    public Task<HttpResponseMessage> Create(string customerId, string username) =>
        client.PostJson(Path(customerId), Username(username));

    public Task<HttpResponseMessage> Migrate(string customerId, string username) =>
        client.PostJson($"{Path(customerId)}/migration", Username(username));

    public Task<HttpResponseMessage> Activate(string customerId) =>
        client.PostAsync($"{Path(customerId)}/activate", null);

    public Task<HttpResponseMessage> Change(string customerId, string username) =>
        client.PostJson($"{Path(customerId)}/change", Username(username));

    public Task<HttpResponseMessage> SetExpiration(string customerId, string rawJson) =>
        client.PatchAsync(Path(customerId), HttpAssertions.Json(rawJson));

    public Task<HttpResponseMessage> Delete(string customerId, string credentialId) =>
        client.DeleteAsync($"{Path(customerId)}/{credentialId}");

    public async Task<JsonNode> Get(string customerId) =>
        await (await client.GetAsync(Path(customerId))).AssertStatus(HttpStatusCode.OK);

    /// <summary>The current credential as listed, or null.</summary>
    public async Task<JsonNode?> Current(string customerId) =>
        (await Get(customerId))["credentials"]!.AsArray().SingleOrDefault();

    public async Task<string> CreateCredential(string customerId, string username) =>
        (string)(await (await Create(customerId, username)).AssertStatus(HttpStatusCode.Created))["id"]!;

    public Task<HttpResponseMessage> Search(string email) =>
        client.GetAsync($"{Customers}/search?email={Uri.EscapeDataString(email)}");

    private static JsonObject Username(string username) => new() { ["username"] = username };
}
