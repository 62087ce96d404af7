using System.Net;
using Customers.Tests.Infrastructure;
using Npgsql;
using static Customers.Tests.Http.Accounts.AccountBodies;

namespace Customers.Tests.Http.Accounts;

/// <summary>The tokenization timeout is an Orleans reminder in PostgreSQL: it fires with no request arriving, across restarts.</summary>
public class TokenizationExpiryTests
{
    private const string ShortTimeout = "00:00:15";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task A_pending_tokenization_expires_by_its_reminder_also_when_the_silo_restarted_in_between()
    {
        var serviceId = $"expiry-{Guid.NewGuid():N}";
        KeyValuePair<string, string?>[] settings = [new("Tokenization:Timeout", ShortTimeout)];
        string beforeRestart;
        await using (var first = new ServiceHost(serviceId, settings))
        {
            var client = first.ClientWithKey();
            beforeRestart = (string)(await client.CreateAccount(await client.CreateCustomer(), Account(CardReference()), HttpStatusCode.Accepted))["id"]!;
        }

        await using var second = new ServiceHost(serviceId, settings);
        var restarted = second.ClientWithKey();
        var (customer, afterRestart, _) = await restarted.CreateCustomerWithAccount(Account(DirectDebit()));
        await (await restarted.PatchJson($"{Org}/accounts/{afterRestart}/payment-method", CardReference())).AssertStatus(HttpStatusCode.Accepted);

        // Only the database is watched: no request reaches either account until its reminder has written EXPIRED.
        await WaitUntilStored(serviceId, beforeRestart, "\"status\":\"EXPIRED\"");
        await WaitUntilStored(serviceId, afterRestart, "\"status\":\"EXPIRED\"");

        foreach (var account in new[] { beforeRestart, afterRestart })
        {
            var request = Assert.Single((await (await restarted.GetAsync($"{Org}/accounts/{account}/tokenization-requests")).AssertStatus(HttpStatusCode.OK))["items"]!.AsArray())!;
            Assert.Equal("EXPIRED", (string?)request["status"]);
            Assert.False(string.IsNullOrEmpty((string?)request["error_message"]));
        }

        var neverPaid = await (await restarted.GetAsync($"{Org}/accounts/{beforeRestart}")).AssertStatus(HttpStatusCode.OK);
        Assert.Null(neverPaid["payment_method"]);
        var keptMethod = await (await restarted.GetAsync($"{Org}/accounts/{afterRestart}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("DIRECT_DEBIT", (string?)keptMethod["payment_method"]!["type"]);
        await (await restarted.DeleteAsync($"{Org}/customers/{customer}/accounts/{afterRestart}")).AssertStatus(HttpStatusCode.NoContent);
        await WaitUntilNoReminderLeft(serviceId);
    }

    private static async Task WaitUntilStored(string serviceId, string accountId, string fragment)
    {
        var deadline = DateTime.UtcNow + Patience;
        string? payload = null;
        while (DateTime.UtcNow < deadline)
        {
            payload = await StoredAccounts.Read(serviceId, accountId);
            if (payload?.Contains(fragment, StringComparison.Ordinal) == true)
            {
                return;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"account {accountId} never stored {fragment}; last stored state: {payload}");
    }

    private static async Task WaitUntilNoReminderLeft(string serviceId)
    {
        await using var data = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        long left;
        do
        {
            await using var command = data.CreateCommand("SELECT count(*) FROM orleansreminders WHERE serviceid = @service");
            command.Parameters.AddWithValue("service", serviceId);
            left = (long)(await command.ExecuteScalarAsync())!;
            if (left == 0)
            {
                return;
            }

            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal(0, left);
    }
}
