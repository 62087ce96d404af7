using System.Net;
using Customers.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Customers.Tests.Http.Credentials;

/// <summary>
/// A username the identity provider may still let in stays taken: after an ACTIVE credential is
/// deleted (alone or with its customer) or renamed, until the provider confirms. Each test runs its
/// own service with a provider that holds its answers until the test releases them.
/// </summary>
public class ProviderRemovalTests
{
    private static readonly KeyValuePair<string, string?>[] FastRetries =
    [
        new("Reminders:MinimumReminderPeriod", "00:00:01"),
        new("Credentials:ProviderRetryPeriod", "00:00:01"),
    ];

    [Fact]
    public async Task A_deleted_active_credentials_username_is_taken_until_the_provider_removes_it()
    {
        var provider = ScriptedIdentityProvider.Holding();
        await using var host = Host(provider);
        var api = new CredentialApi(host.ClientWithKey());
        var (owner, other) = (await api.CreateCustomer(), await api.CreateCustomer());
        var username = Bodies.UniqueEmail();
        var credential = (string)(await (await api.Migrate(owner, username)).AssertStatus(HttpStatusCode.Created))["id"]!;

        await (await api.Delete(owner, credential)).AssertStatus(HttpStatusCode.NoContent);

        await AssertTakenUntilTheProviderConfirms(api, provider, other, username);
        var removal = Assert.Single(provider.Removed);
        Assert.Equal((Guid.Parse(owner), Guid.Parse(credential), username), (removal.CustomerId, removal.CredentialId, removal.Username));
    }

    [Fact]
    public async Task A_deleted_reserved_credentials_username_is_free_at_once()
    {
        var provider = ScriptedIdentityProvider.Holding();
        await using var host = Host(provider);
        var api = new CredentialApi(host.ClientWithKey());
        var (owner, other) = (await api.CreateCustomer(), await api.CreateCustomer());
        var username = Bodies.UniqueEmail();
        var credential = await api.CreateCredential(owner, username);

        await (await api.Delete(owner, credential)).AssertStatus(HttpStatusCode.NoContent);

        await (await api.Create(other, username)).AssertStatus(HttpStatusCode.Created);
        Assert.Equal(0, provider.Calls);
    }

    [Fact]
    public async Task A_renamed_active_credentials_old_username_is_taken_until_the_provider_confirms()
    {
        var provider = ScriptedIdentityProvider.Holding();
        await using var host = Host(provider);
        var api = new CredentialApi(host.ClientWithKey());
        var (owner, other) = (await api.CreateCustomer(), await api.CreateCustomer());
        var before = Bodies.UniqueEmail();
        await (await api.Migrate(owner, before)).AssertStatus(HttpStatusCode.Created);

        await (await api.Change(owner, Bodies.UniqueEmail())).AssertStatus(HttpStatusCode.NoContent);

        await AssertTakenUntilTheProviderConfirms(api, provider, other, before);
    }

    [Fact]
    public async Task An_activating_credentials_old_username_is_taken_after_a_rename_until_the_provider_confirms()
    {
        var provider = ScriptedIdentityProvider.Holding();
        await using var host = Host(provider);
        var api = new CredentialApi(host.ClientWithKey());
        var (owner, other) = (await api.CreateCustomer(), await api.CreateCustomer());
        var (before, after) = (Bodies.UniqueEmail(), Bodies.UniqueEmail());
        await api.CreateCredential(owner, before);
        await (await api.Activate(owner)).AssertStatus(HttpStatusCode.Accepted);
        await Eventually.Until(() => Task.FromResult(provider.Calls), calls => calls > 0);

        await (await api.Change(owner, after)).AssertStatus(HttpStatusCode.NoContent);

        await AssertTakenUntilTheProviderConfirms(api, provider, other, before);
        var final = await Eventually.Until(() => api.Current(owner), c => (string?)c!["status"] == "ACTIVE");
        Assert.Equal(after, (string?)final!["username"]);
        Assert.Equal(before, Assert.Single(provider.Activated).Username);
        Assert.Equal((before, after), (Assert.Single(provider.Renamed).OldUsername, Assert.Single(provider.Renamed).NewUsername));
    }

    [Fact]
    public async Task A_name_an_active_credential_passed_through_is_taken_until_the_provider_confirms_the_next()
    {
        var provider = ScriptedIdentityProvider.Holding();
        await using var host = Host(provider);
        var api = new CredentialApi(host.ClientWithKey());
        var (owner, other) = (await api.CreateCustomer(), await api.CreateCustomer());
        var (first, second, third) = (Bodies.UniqueEmail(), Bodies.UniqueEmail(), Bodies.UniqueEmail());
        await (await api.Migrate(owner, first)).AssertStatus(HttpStatusCode.Created);
        await (await api.Change(owner, second)).AssertStatus(HttpStatusCode.NoContent);

        await (await api.Change(owner, third)).AssertStatus(HttpStatusCode.NoContent);

        await AssertTakenUntilTheProviderConfirms(api, provider, other, second);
        Assert.Equal([(first, second), (second, third)], provider.Renamed.Select(r => (r.OldUsername, r.NewUsername)));
    }

    [Fact]
    public async Task A_deleted_activating_credentials_old_and_new_usernames_are_taken_until_the_provider_removes_it()
    {
        var provider = ScriptedIdentityProvider.Holding();
        await using var host = Host(provider);
        var api = new CredentialApi(host.ClientWithKey());
        var (owner, other, third) = (await api.CreateCustomer(), await api.CreateCustomer(), await api.CreateCustomer());
        var (before, after) = (Bodies.UniqueEmail(), Bodies.UniqueEmail());
        var credential = await api.CreateCredential(owner, before);
        await (await api.Activate(owner)).AssertStatus(HttpStatusCode.Accepted);
        await Eventually.Until(() => Task.FromResult(provider.Calls), calls => calls > 0);
        await (await api.Change(owner, after)).AssertStatus(HttpStatusCode.NoContent);

        await (await api.Delete(owner, credential)).AssertStatus(HttpStatusCode.NoContent);

        await (await api.Create(third, after)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
        await AssertTakenUntilTheProviderConfirms(api, provider, other, before);
        await AssertTakenOnceFree(api, third, after);
        Assert.Equal(Guid.Parse(credential), Assert.Single(provider.Removed).CredentialId);
    }

    [Fact]
    public async Task A_deleted_customers_active_username_is_taken_until_the_provider_removes_it()
    {
        var provider = ScriptedIdentityProvider.Holding();
        await using var host = Host(provider);
        var api = new CredentialApi(host.ClientWithKey());
        var (owner, other) = (await api.CreateCustomer(), await api.CreateCustomer());
        var username = Bodies.UniqueEmail();
        await (await api.Migrate(owner, username)).AssertStatus(HttpStatusCode.Created);

        await (await api.Client.DeleteAsync($"{api.Customers}/{owner}")).AssertStatus(HttpStatusCode.NoContent);

        await AssertTakenUntilTheProviderConfirms(api, provider, other, username);
        Assert.Single(provider.Removed);
    }

    [Fact]
    public async Task An_erased_customers_active_username_is_taken_until_the_provider_removes_it()
    {
        var provider = ScriptedIdentityProvider.Holding();
        await using var host = Host(provider);
        var api = new CredentialApi(host.ClientWithKey());
        var (owner, other) = (await api.CreateCustomer(), await api.CreateCustomer());
        var username = Bodies.UniqueEmail();
        await (await api.Migrate(owner, username)).AssertStatus(HttpStatusCode.Created);

        await (await api.Client.DeleteAsync($"{api.Customers}/{owner}/data")).AssertStatus(HttpStatusCode.NoContent);

        await AssertTakenUntilTheProviderConfirms(api, provider, other, username);
        Assert.Equal(username, Assert.Single(provider.Removed).Username);
    }

    [Fact]
    public async Task An_erasure_frees_the_document_and_records_its_event_before_answering_while_the_provider_holds_the_username()
    {
        var provider = ScriptedIdentityProvider.Holding();
        await using var host = Host(provider);
        var api = new CredentialApi(host.ClientWithKey());
        var nif = Bodies.UniqueNif();
        var owner = await api.CreateCustomer(Bodies.Private(nif));
        await (await api.Migrate(owner, Bodies.UniqueEmail())).AssertStatus(HttpStatusCode.Created);

        await (await api.Client.DeleteAsync($"{api.Customers}/{owner}/data")).AssertStatus(HttpStatusCode.NoContent);

        await (await api.Client.PostJson(api.Customers, Bodies.Private(nif))).AssertStatus(HttpStatusCode.Created);
        var feed = await (await api.Client.GetAsync($"/v4/orgs/{TestKeys.Org}/events?types=customer.erased&limit=200")).AssertStatus(HttpStatusCode.OK);
        Assert.Contains(feed["events"]!.AsArray(), e => (string?)e!["customer_id"] == owner);
        Assert.Empty(provider.Removed);
    }

    [Fact]
    public async Task A_removal_the_provider_refused_is_retried_until_it_succeeds()
    {
        var provider = new ScriptedIdentityProvider(failures: 2);
        await using var host = Host(provider);
        var api = new CredentialApi(host.ClientWithKey());
        var (owner, other) = (await api.CreateCustomer(), await api.CreateCustomer());
        var username = Bodies.UniqueEmail();
        var credential = (string)(await (await api.Migrate(owner, username)).AssertStatus(HttpStatusCode.Created))["id"]!;

        await (await api.Delete(owner, credential)).AssertStatus(HttpStatusCode.NoContent);

        await AssertTakenOnceFree(api, other, username, TimeSpan.FromSeconds(30));
        Assert.Equal(3, provider.Calls);
        Assert.Single(provider.Removed);
    }

    [Fact]
    public async Task A_removal_the_provider_never_confirmed_completes_after_a_restart()
    {
        var serviceId = $"removal-restart-{Guid.NewGuid():N}";
        var username = Bodies.UniqueEmail();
        string other;
        await using (var first = Host(new ScriptedIdentityProvider(failures: int.MaxValue), serviceId))
        {
            var api = new CredentialApi(first.ClientWithKey());
            var owner = await api.CreateCustomer();
            other = await api.CreateCustomer();
            var credential = (string)(await (await api.Migrate(owner, username)).AssertStatus(HttpStatusCode.Created))["id"]!;
            await (await api.Delete(owner, credential)).AssertStatus(HttpStatusCode.NoContent);
            await (await api.Create(other, username)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
        }

        var provider = new ScriptedIdentityProvider();
        await using var second = Host(provider, serviceId);
        _ = second.Server;
        // Nothing asks for the customer: only the stored reminder can bring the removal to an end.
        await Eventually.Until(() => Task.FromResult(provider.Removed.Count), n => n > 0, TimeSpan.FromSeconds(60));

        await AssertTakenOnceFree(new CredentialApi(second.ClientWithKey()), other, username);
    }

    /// <summary>Another customer is refused the username while the provider holds its answer, and gets it once the provider confirmed.</summary>
    private static async Task AssertTakenUntilTheProviderConfirms(CredentialApi api, ScriptedIdentityProvider provider, string other, string username)
    {
        await (await api.Create(other, username)).AssertError(HttpStatusCode.Conflict, "MCUS.999.994");
        provider.Release();
        await AssertTakenOnceFree(api, other, username);
    }

    /// <summary>Another customer takes the username as soon as it is free.</summary>
    private static async Task AssertTakenOnceFree(CredentialApi api, string other, string username, TimeSpan? timeout = null)
    {
        var taken = await Eventually.Until(() => api.Create(other, username), r => r.StatusCode != HttpStatusCode.Conflict, timeout);
        await taken.AssertStatus(HttpStatusCode.Created);
    }

    private static ServiceHost Host(IIdentityProvider provider, string? serviceId = null) =>
        new(serviceId, FastRetries, services => services.AddSingleton(provider));
}
