using System.Net;
using Customers.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;

namespace Customers.Tests.Http.Credentials;

/// <summary>The identity provider port as the service uses it: each test runs its own service with a scripted provider.</summary>
public class IdentityProviderTests
{
    /// <summary>Retries every second instead of every minute.</summary>
    private static readonly KeyValuePair<string, string?>[] FastRetries =
    [
        new("Reminders:MinimumReminderPeriod", "00:00:01"),
        new("Credentials:ProviderRetryPeriod", "00:00:01"),
    ];

    [Fact]
    public async Task A_credential_stays_activating_until_the_provider_confirms()
    {
        var provider = ScriptedIdentityProvider.Holding();
        await using var host = Host(provider);
        var api = new CredentialApi(host.ClientWithKey());
        var customer = await api.CreateCustomer();
        var username = Bodies.UniqueEmail();
        var credential = await api.CreateCredential(customer, username);

        await (await api.Activate(customer)).AssertStatus(HttpStatusCode.Accepted);
        await Eventually.Until(() => Task.FromResult(provider.Calls), calls => calls > 0);
        Assert.Equal("ACTIVATING", (string?)(await api.Current(customer))!["status"]);

        provider.Release();

        var final = await Eventually.Until(() => api.Current(customer), c => (string?)c!["status"] == "ACTIVE");
        Assert.Equal("ACTIVE", (string?)final!["status"]);
        var activation = Assert.Single(provider.Activated);
        Assert.Equal((TestKeys.Org, Guid.Parse(customer), Guid.Parse(credential), username),
            (activation.Org, activation.CustomerId, activation.CredentialId, activation.Username));
    }

    [Fact]
    public async Task Activation_retries_a_provider_that_fails_twice_until_it_confirms()
    {
        var provider = new ScriptedIdentityProvider(failures: 2);
        await using var host = Host(provider);
        var api = new CredentialApi(host.ClientWithKey());
        var customer = await api.CreateCustomer();
        await api.CreateCredential(customer, Bodies.UniqueEmail());

        await (await api.Activate(customer)).AssertStatus(HttpStatusCode.Accepted);

        var final = await Eventually.Until(() => api.Current(customer), c => (string?)c!["status"] == "ACTIVE", TimeSpan.FromSeconds(30));
        Assert.Equal("ACTIVE", (string?)final!["status"]);
        Assert.Equal(3, provider.Calls);
        Assert.Single(provider.Activated);
    }

    [Fact]
    public async Task An_activation_the_provider_never_confirmed_completes_after_a_restart()
    {
        var serviceId = $"provider-restart-{Guid.NewGuid():N}";
        string customer;
        await using (var first = Host(new ScriptedIdentityProvider(failures: int.MaxValue), serviceId))
        {
            var api = new CredentialApi(first.ClientWithKey());
            customer = await api.CreateCustomer();
            await api.CreateCredential(customer, Bodies.UniqueEmail());
            await (await api.Activate(customer)).AssertStatus(HttpStatusCode.Accepted);
            Assert.Equal("ACTIVATING", (string?)(await api.Current(customer))!["status"]);
        }

        var provider = new ScriptedIdentityProvider();
        await using var second = Host(provider, serviceId);
        _ = second.Server;
        // Nothing asks for the customer: only the stored reminder can bring the activation to an end.
        await Eventually.Until(() => Task.FromResult(provider.Activated.Count), n => n > 0, TimeSpan.FromSeconds(60));

        var credential = await new CredentialApi(second.ClientWithKey()).Current(customer);
        Assert.Equal("ACTIVE", (string?)credential!["status"]);
    }

    [Fact]
    public async Task Changing_an_active_username_tells_the_provider_and_announces_credential_username_changed_on_the_stream()
    {
        var provider = new ScriptedIdentityProvider();
        await using var host = Host(provider);
        var api = new CredentialApi(host.ClientWithKey());
        var customer = await api.CreateCustomer();
        var before = Bodies.UniqueEmail();
        await (await api.Migrate(customer, before)).AssertStatus(HttpStatusCode.Created);
        var received = new TaskCompletionSource<CustomerEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = await OrgEvents(host).SubscribeAsync((e, _) =>
        {
            if (e.CustomerId == Guid.Parse(customer) && e.Type == EventTypes.CredentialUsernameChanged)
            {
                received.TrySetResult(e);
            }

            return Task.CompletedTask;
        });
        var after = Bodies.UniqueEmail();

        await (await api.Change(customer, after)).AssertStatus(HttpStatusCode.NoContent);

        var changed = await received.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal((TestKeys.Org, TestKeys.AdminName), (changed.OrgId, changed.Actor));
        Assert.Equal(["credentials.username"], changed.Changes);
        var renamed = await Eventually.Until(() => Task.FromResult(provider.Renamed.ToList()), r => r.Count > 0);
        Assert.Equal((before, after), (renamed[0].OldUsername, renamed[0].NewUsername));
        Assert.Equal(after, (string?)(await api.Current(customer))!["username"]);
        await subscription.UnsubscribeAsync();
    }

    [Fact]
    public async Task Changing_a_reserved_username_changes_it_in_the_store_only()
    {
        var provider = new ScriptedIdentityProvider();
        await using var host = Host(provider);
        var api = new CredentialApi(host.ClientWithKey());
        var customer = await api.CreateCustomer();
        await api.CreateCredential(customer, Bodies.UniqueEmail());

        await (await api.Change(customer, Bodies.UniqueEmail())).AssertStatus(HttpStatusCode.NoContent);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(0, provider.Calls);
        Assert.Equal("RESERVED", (string?)(await api.Current(customer))!["status"]);
    }

    [Fact]
    public async Task A_username_change_the_provider_refused_is_retried_until_it_succeeds()
    {
        var provider = new ScriptedIdentityProvider(failures: 1);
        await using var host = Host(provider);
        var api = new CredentialApi(host.ClientWithKey());
        var customer = await api.CreateCustomer();
        await (await api.Migrate(customer, Bodies.UniqueEmail())).AssertStatus(HttpStatusCode.Created);
        var after = Bodies.UniqueEmail();

        await (await api.Change(customer, after)).AssertStatus(HttpStatusCode.NoContent);

        var renamed = await Eventually.Until(() => Task.FromResult(provider.Renamed.ToList()), r => r.Count > 0, TimeSpan.FromSeconds(30));
        Assert.Equal(after, renamed[0].NewUsername);
        Assert.Equal(2, provider.Calls);
    }

    private static ServiceHost Host(IIdentityProvider provider, string? serviceId = null) =>
        new(serviceId, FastRetries, services => services.AddSingleton(provider));

    /// <summary>What a co-hosted service subscribes to: the org's stream of events.</summary>
    private static IAsyncStream<CustomerEvent> OrgEvents(ServiceHost host) =>
        host.Services.GetRequiredService<IClusterClient>()
            .GetStreamProvider(CustomerEventStream.StreamProvider)
            .GetStream<CustomerEvent>(StreamId.Create(CustomerEventStream.Namespace, TestKeys.Org));
}
