using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Customers.Tests.Infrastructure;

/// <summary>
/// Records which status each named endpoint answered during the test run, one
/// <c>operationId status</c> line per first sighting, in files beside the captured logs, so a
/// check after the whole suite can hold them against the OpenAPI document.
/// </summary>
public static class AnsweredStatuses
{
    public const string FilePattern = "statuses-*.txt";

    private static readonly ConcurrentDictionary<string, byte> Seen = new();
    private static readonly string File = Path.Combine(CapturedLogs.Directory, $"statuses-{Guid.NewGuid():N}.txt");
    private static readonly Lock Gate = new();

    public static IEnumerable<(string OperationId, int Status)> ReadAll() =>
        Directory.EnumerateFiles(CapturedLogs.Directory, FilePattern)
            .SelectMany(System.IO.File.ReadAllLines)
            .Select(line => line.Split(' '))
            .Select(parts => (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)))
            .Distinct();

    private static void Record(string operationId, int status)
    {
        var line = $"{operationId} {status}";
        if (Seen.TryAdd(line, 0))
        {
            lock (Gate)
            {
                System.IO.File.AppendAllLines(File, [line]);
            }
        }
    }

    /// <summary>Wraps the host's whole pipeline; the endpoint routing chose is known once it returns.</summary>
    public sealed class Recorder : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                await inner(context);
                if (context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>() is { } name)
                {
                    Record(name.EndpointName, context.Response.StatusCode);
                }
            });
            next(app);
        };
    }
}
