using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Customers.Tests.Infrastructure;

public static class HttpAssertions
{
    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, JsonNode body) =>
        client.PostAsync(url, Json(body.ToJsonString()));

    public static Task<HttpResponseMessage> PatchJson(this HttpClient client, string url, JsonNode body) =>
        client.PatchAsync(url, Json(body.ToJsonString()));

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string url, JsonNode body) =>
        client.PutAsync(url, Json(body.ToJsonString()));

    public static StringContent Json(string raw) => new(raw, Encoding.UTF8, "application/json");

    public static async Task<JsonNode> Body(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    /// <summary>Asserts the status and the contract's envelope, and returns the entries' messages.</summary>
    public static async Task<IReadOnlyList<string>> AssertError(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {raw}");
        var errors = JsonNode.Parse(raw)!["errors"]!.AsArray();
        Assert.NotEmpty(errors);
        foreach (var entry in errors)
        {
            var error = entry!["error"]!;
            Assert.Equal(code, (string?)error["code"]);
            Assert.False(string.IsNullOrEmpty((string?)error["title"]));
            Assert.Equal("http://", (string?)error["ref"]);
        }

        return errors.Select(e => (string)e!["error"]!["message"]!).ToList();
    }

    public static async Task<JsonNode> AssertStatus(this HttpResponseMessage response, HttpStatusCode status)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {raw}");
        return raw.Length == 0 ? new JsonObject() : JsonNode.Parse(raw)!;
    }

    public static async Task<T> Read<T>(this HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<T>())!;
}
