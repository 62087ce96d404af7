using System.Text;
using Microsoft.Extensions.Logging;

namespace Customers.Tests.Infrastructure;

/// <summary>
/// Every log line of every service the tests start, written to one directory per test run so a
/// scan can prove no secret reached a log. ./test.sh points <see cref="Variable"/> at a directory
/// and scans it after the run.
/// </summary>
public static class CapturedLogs
{
    public const string Variable = "CUSTOMERS_TEST_LOG_DIR";

    public static string Directory { get; } = Create();

    public static string NewFile(string name) => Path.Combine(Directory, $"{name}-{Guid.NewGuid():N}.log");

    private static string Create()
    {
        var directory = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "customers-test-logs", Environment.ProcessId.ToString());
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }
}

/// <summary>Writes log entries with their scopes (request id) and exceptions to a file.</summary>
public sealed class FileLoggerProvider(string path) : ILoggerProvider, ISupportExternalScope
{
    private readonly StreamWriter _writer = new(path, append: true, Encoding.UTF8) { AutoFlush = true };
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
        lock (_writer)
        {
            _writer.Dispose();
        }
    }

    private void Write(string line)
    {
        lock (_writer)
        {
            if (_writer.BaseStream.CanWrite)
            {
                _writer.WriteLine(line);
            }
        }
    }

    private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
            provider._scopes.ForEachScope((scope, builder) => builder.Append(" | ").Append(scope), line);
            if (exception is not null)
            {
                line.Append(" | ").Append(exception);
            }

            provider.Write(line.ToString());
        }
    }
}
