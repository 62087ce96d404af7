using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Customers.Tests.Infrastructure;

namespace Customers.Tests.Http.OpenApi;

/// <summary>
/// The editor requests under http/ run top to bottom against the real service, as an editor would
/// send them (file variables, named requests, response references, <c>{{$guid}}</c>, file bodies),
/// each answering 2xx. Each file runs in an org of its own.
/// </summary>
[Collection(ApiCollection.Name)]
public partial class HttpFilesTests(ApiHostFixture api)
{
    public static TheoryData<string> Files() => new(Directory.EnumerateFiles(Folder, "*.http").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    private static string Folder => Path.Combine(RepositoryPaths.Root, "http");

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_request_of_the_file_succeeds_in_order(string file)
    {
        var client = api.Client(key: null);
        var variables = new Dictionary<string, string>
        {
            ["baseUrl"] = client.BaseAddress!.ToString().TrimEnd('/'),
            ["apiKey"] = TestKeys.Admin,
            ["org"] = $"http-{Guid.NewGuid():N}"[..20],
        };
        var responses = new Dictionary<string, JsonNode?>();
        var requests = Parse(await File.ReadAllLinesAsync(Path.Combine(Folder, file)), variables);

        Assert.NotEmpty(requests);
        foreach (var request in requests)
        {
            string Expand(string text) => Expression().Replace(text, m => Resolve(m.Groups[1].Value.Trim(), variables, responses));

            using var message = new HttpRequestMessage(new HttpMethod(request.Method), Expand(request.Url));
            var contentType = request.Headers.FirstOrDefault(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
            foreach (var (name, value) in request.Headers.Where(h => !h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
            {
                message.Headers.TryAddWithoutValidation(name, Expand(value));
            }

            if (request.Body.Count > 0)
            {
                message.Content = new ByteArrayContent(Body(request.Body, contentType, Expand));
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
            }

            using var response = await client.SendAsync(message);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{file} '{request.Title}': {(int)response.StatusCode} {text}");
            if (request.Name is not null)
            {
                responses[request.Name] = text.Length > 0 ? JsonNode.Parse(text) : null;
            }
        }
    }

    private sealed record HttpRequest(string Title, string? Name, string Method, string Url, List<(string Name, string Value)> Headers, List<string> Body);

    private static List<HttpRequest> Parse(string[] lines, Dictionary<string, string> variables)
    {
        var requests = new List<HttpRequest>();
        var title = "";
        string? name = null;
        HttpRequest? current = null;
        var inBody = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("###", StringComparison.Ordinal))
            {
                Finish();
                title = line.TrimStart('#').Trim();
                continue;
            }

            if (current is null)
            {
                if (NameLine().Match(line) is { Success: true } named)
                {
                    name = named.Groups[1].Value;
                }
                else if (FileVariable().Match(line) is { Success: true } variable)
                {
                    // The test's own base URL, key and org stand in for the ones an editor user pastes.
                    variables.TryAdd(variable.Groups[1].Value, variable.Groups[2].Value.Trim());
                }
                else if (RequestLine().Match(line) is { Success: true } start)
                {
                    current = new HttpRequest(title, name, start.Groups[1].Value, start.Groups[2].Value, [], []);
                }

                continue;
            }

            if (!inBody && line.Length == 0)
            {
                inBody = true;
            }
            else if (!inBody)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                current.Headers.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
            else
            {
                current.Body.Add(line);
            }
        }

        Finish();
        return requests;

        void Finish()
        {
            if (current is not null)
            {
                while (current.Body.Count > 0 && current.Body[^1].Length == 0)
                {
                    current.Body.RemoveAt(current.Body.Count - 1);
                }

                requests.Add(current);
            }

            current = null;
            name = null;
            inBody = false;
        }
    }

    /// <summary>Multipart bodies go with CRLF line ends, as editors send them; <c>&lt; path</c> inlines a file.</summary>
    private static byte[] Body(List<string> lines, string? contentType, Func<string, string> expand)
    {
        var newline = contentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true ? "\r\n" : "\n";
        using var body = new MemoryStream();
        for (var i = 0; i < lines.Count; i++)
        {
            var bytes = lines[i].StartsWith("< ", StringComparison.Ordinal)
                ? File.ReadAllBytes(Path.Combine(Folder, lines[i][2..].Trim()))
                : Encoding.UTF8.GetBytes(expand(lines[i]));
            body.Write(bytes);
            if (i < lines.Count - 1)
            {
                body.Write(Encoding.UTF8.GetBytes(newline));
            }
        }

        return body.ToArray();
    }

    private static string Resolve(string expression, Dictionary<string, string> variables, Dictionary<string, JsonNode?> responses)
    {
        if (expression == "$guid")
        {
            return Guid.NewGuid().ToString();
        }

        if (variables.TryGetValue(expression, out var value))
        {
            return Expression().Replace(value, m => Resolve(m.Groups[1].Value.Trim(), variables, responses));
        }

        var reference = ResponseReference().Match(expression);
        Assert.True(reference.Success, $"unknown variable {expression}");
        var node = responses[reference.Groups[1].Value];
        foreach (Match step in PathStep().Matches(reference.Groups[2].Value))
        {
            node = step.Groups[1].Success ? node![step.Groups[1].Value] : node![int.Parse(step.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)];
        }

        return node is JsonValue scalar ? scalar.ToString() : node!.ToJsonString();
    }

    [GeneratedRegex(@"\{\{(.+?)\}\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"^#\s*@name\s+(\S+)")]
    private static partial Regex NameLine();

    [GeneratedRegex(@"^@(\w+)\s*=\s*(.*)$")]
    private static partial Regex FileVariable();

    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE)\s+(\S+)")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"^(\w+)\.response\.body\.\$(.*)$")]
    private static partial Regex ResponseReference();

    [GeneratedRegex(@"\.(\w+)|\[(\d+)\]")]
    private static partial Regex PathStep();
}
