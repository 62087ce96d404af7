using System.Net;
using Customers.Grains.Privacy;
using Customers.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Customers.Tests.Http.Privacy;

/// <summary>An erasure cut off at any step is completed by the customer's reminder, also after a restart.</summary>
public class ErasureCrashTests : IClassFixture<ErasureCrashTests.FailingHost>
{
    private static readonly KeyValuePair<string, string?>[] FastRetries =
    [
        new("Reminders:MinimumReminderPeriod", "00:00:01"),
        new("Credentials:ProviderRetryPeriod", "00:00:01"),
    ];

    private readonly FailingHost _host;

    public ErasureCrashTests(FailingHost host) => _host = host;

    public static TheoryData<string> Steps() => [.. ErasureSteps.All];

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task An_erasure_cut_off_before_a_step_completes_by_itself(string step)
    {
        var c = await RichCustomer.Create(_host.Host.ClientWithKey());
        _host.Probe.Fail(c.Id, step);

        await (await c.Erase()).AssertStatus(HttpStatusCode.NoContent);

        await (await c.Client.GetAsync(c.Path)).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        await StoredValues.ErasureCompleted(c.Id);
        Assert.Contains((Guid.Parse(c.Id), step), _host.Probe.Failed);
        Assert.Empty(await StoredValues.Find(c.Values, new Dictionary<string, byte[]> { ["document bytes"] = c.Document }));
    }

    [Fact]
    public async Task An_erasure_cut_off_by_a_stop_completes_after_the_next_start()
    {
        var serviceId = $"erasure-restart-{Guid.NewGuid():N}";
        var failing = new FailingErasureProbe();
        RichCustomer c;
        var documents = new Dictionary<string, byte[]>();
        await using (var first = Host(serviceId, failing))
        {
            c = await RichCustomer.Create(first.ClientWithKey());
            documents["document bytes"] = c.Document;
            failing.Fail(c.Id, ErasureSteps.Documents, times: int.MaxValue);
            await (await c.Erase()).AssertStatus(HttpStatusCode.NoContent);
            await (await c.Client.GetAsync(c.Path)).AssertError(HttpStatusCode.NotFound, "MCUS.999.997");
        }

        // Stopped before the documents step: the bytes are still stored.
        Assert.Contains("customer_documents: document bytes", await StoredValues.Find(c.Values, documents));

        await using var second = Host(serviceId, new FailingErasureProbe());
        _ = second.Server;
        // Nothing asks for the customer: only its stored reminder can finish the erasure.
        await StoredValues.ErasureCompleted(c.Id);

        Assert.Empty(await StoredValues.Find(c.Values, documents));
    }

    private static ServiceHost Host(string? serviceId, FailingErasureProbe probe) =>
        new(serviceId, FastRetries, services => services.AddSingleton<IErasureProbe>(probe));

    /// <summary>One service for the step-by-step cases, its erasures failing where each case says.</summary>
    public sealed class FailingHost : IAsyncLifetime
    {
        public FailingErasureProbe Probe { get; } = new();

        public ServiceHost Host { get; }

        public FailingHost() => Host = ErasureCrashTests.Host(null, Probe);

        public Task InitializeAsync()
        {
            _ = Host.Server;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
