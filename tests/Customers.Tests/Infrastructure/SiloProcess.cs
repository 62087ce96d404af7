using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace Customers.Tests.Infrastructure;

/// <summary>
/// A silo started the way operators start it: <c>dotnet Customers.Silo.dll</c> with only the
/// configuration interface's environment variables. Its console output is kept for inspection.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process, int httpPort)
    {
        _process = process;
        HttpPort = httpPort;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Add("X-API-Key", TestKeys.Admin);
        Client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public int HttpPort { get; }

    public int GatewayPort { get; private init; }

    public HttpClient Client { get; }

    public ConcurrentQueue<string> Output { get; } = new();

    public bool HasExited => _process.HasExited;

    public static async Task<SiloProcess> Start(string clusterId, string connectionString, IDictionary<string, string>? extra = null)
    {
        var httpPort = FreePorts.Next();
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.Output("src/Customers.Silo", "Customers.Silo.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        var env = start.Environment;
        foreach (var (key, value) in Settings(clusterId, connectionString, httpPort))
        {
            env[key] = value;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        var silo = new SiloProcess(Process.Start(start)!, httpPort) { GatewayPort = int.Parse(env["Orleans__GatewayPort"]!) };
        var log = new StreamWriter(CapturedLogs.NewFile("silo")) { AutoFlush = true };
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            silo.Output.Enqueue(line);
            lock (log)
            {
                log.WriteLine(line);
            }
        }

        silo._process.OutputDataReceived += (_, e) => Keep(e.Data);
        silo._process.ErrorDataReceived += (_, e) => Keep(e.Data);
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        await silo.WaitUntilReady(TimeSpan.FromSeconds(90));
        return silo;
    }

    /// <summary>
    /// The configuration interface's variables a test silo is started with: its database, its own
    /// ports and cluster, and the test keys.
    /// </summary>
    public static Dictionary<string, string> Settings(string clusterId, string connectionString, int httpPort)
    {
        var settings = TestKeys.Settings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        settings["ConnectionStrings__Customers"] = connectionString;
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}";
        settings["Orleans__ClusterId"] = clusterId;
        settings["Orleans__ServiceId"] = clusterId;
        settings["Orleans__SiloPort"] = FreePorts.Next().ToString();
        settings["Orleans__GatewayPort"] = FreePorts.Next().ToString();
        return settings;
    }

    /// <summary>Runs the silo with exactly <paramref name="environment"/> set, for a start-up that is meant to fail; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Output)> RunExpectingExit(IDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.Output("src/Customers.Silo", "Customers.Silo.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(new CancellationTokenSource(timeout).Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the silo was still running after {timeout}:\n{string.Join('\n', output)}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToList());
    }

    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Sends SIGTERM, as an orchestrator stopping the silo would.</summary>
    public void Terminate() => Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();

    public Task WaitForExit(TimeSpan timeout) => _process.WaitForExitAsync(new CancellationTokenSource(timeout).Token);

    public int ExitCode => _process.ExitCode;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        Client.Dispose();
        _process.Dispose();
    }

    private async Task WaitUntilReady(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"silo exited with {_process.ExitCode}:\n{string.Join('\n', Output)}");
            }

            try
            {
                if ((await Client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"silo not ready within {timeout}:\n{string.Join('\n', Output)}");
    }
}
