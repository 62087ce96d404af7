using System.Collections.Concurrent;
using Orleans.Runtime;

namespace Customers.Tests.Grains;

/// <summary>Opening an account when a storage write fails on the way: never a live account its customer does not list.</summary>
[Collection(GrainClusterCollection.Name)]
public class AccountOpeningTests(GrainClusterFixture fixture)
{
    private readonly string _org = $"org-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task An_account_whose_customer_failed_to_record_it_is_listed_all_the_same()
    {
        var (customer, grain) = await Customer();
        using (FaultyGrainStorage.FailWrites(grain.GetGrainId(), skip: 1))
        {
            await Assert.ThrowsAsync<OrleansException>(() => customer.OpenAccount(AccountRequests.Account(), null));
        }

        var listed = Assert.Single((await customer.ListAccounts()).Value!);
        Assert.NotNull(await fixture.Grains.GetGrain<IAccountGrain>(GrainKeys.Account(_org, listed)).Get());
        Assert.Equal(OutcomeStatus.Conflict, (await grain.Delete()).Status);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_after_the_customer_failed_to_record_the_account_answers_that_account()
    {
        var (customer, grain) = await Customer();
        using (FaultyGrainStorage.FailWrites(grain.GetGrainId(), skip: 1))
        {
            await Assert.ThrowsAsync<OrleansException>(() => customer.OpenAccount(AccountRequests.Account(), "retry-1"));
        }

        var retry = await customer.OpenAccount(AccountRequests.Account(), "retry-1");

        Assert.True(retry.IsOk);
        Assert.Equal(retry.Value!.Id, Assert.Single((await customer.ListAccounts()).Value!));
    }

    [Fact]
    public async Task A_retry_with_the_same_key_after_the_account_write_failed_opens_exactly_one_account()
    {
        var (customer, _) = await Customer();
        using (var fault = FaultyGrainStorage.FailWritesWhere(AccountOf(_org)))
        {
            await Assert.ThrowsAsync<OrleansException>(() => customer.OpenAccount(AccountRequests.Account(), "retry-2"));
            Assert.Equal(1, fault.Failed);
        }

        var retry = await customer.OpenAccount(AccountRequests.Account(), "retry-2");
        var replay = await customer.OpenAccount(AccountRequests.Account(), "retry-2");

        Assert.True(retry.IsOk);
        Assert.Equal(retry.Value!.Id, replay.Value!.Id);
        Assert.Equal(retry.Value.Id, Assert.Single((await customer.ListAccounts()).Value!));
    }

    [Fact]
    public async Task An_opening_whose_account_never_came_to_exist_blocks_deletion_only_until_no_creation_can_still_arrive()
    {
        var (customer, grain) = await Customer();
        using (FaultyGrainStorage.FailWritesWhere(AccountOf(_org)))
        {
            await Assert.ThrowsAsync<OrleansException>(() => customer.OpenAccount(AccountRequests.Account(), null));
        }

        Assert.Empty((await customer.ListAccounts()).Value!);
        Assert.Equal(OutcomeStatus.Conflict, (await grain.Delete()).Status);
        GrainClusterFixture.Clock.Advance(TimeSpan.FromMinutes(3));

        Assert.True((await grain.Delete()).IsOk);
    }

    [Fact]
    public async Task Erasing_the_customer_erases_an_account_it_failed_to_record()
    {
        var (customer, grain) = await Customer();
        var written = new ConcurrentBag<GrainId>();
        using (FaultyGrainStorage.FailWritesWhere(id => AccountOf(_org)(id) && Observed(written, id), times: 0))
        using (FaultyGrainStorage.FailWrites(grain.GetGrainId(), skip: 1))
        {
            await Assert.ThrowsAsync<OrleansException>(() => customer.OpenAccount(AccountRequests.Account(), null));
        }

        var account = fixture.Grains.GetGrain<IAccountGrain>(Assert.Single(written.Distinct()));
        Assert.NotNull(await account.Get());

        Assert.True((await fixture.Grains.GetGrain<ICustomerPrivacyGrain>(grain.GetPrimaryKeyString()).Erase()).IsOk);

        Assert.Null(await account.Get());
    }

    [Fact]
    public async Task A_refused_opening_leaves_nothing_to_settle()
    {
        var (customer, grain) = await Customer();
        var invalid = AccountRequests.Account(AccountRequests.DirectDebit("ES0000000000000000000000"));

        Assert.Equal(OutcomeStatus.Invalid, (await customer.OpenAccount(invalid, null)).Status);

        Assert.Empty((await customer.ListAccounts()).Value!);
        Assert.True((await grain.Delete()).IsOk);
    }

    /// <summary>Notes a grain whose state is written; a fault armed to fail none of them sees every one.</summary>
    private static bool Observed(ConcurrentBag<GrainId> written, GrainId id)
    {
        written.Add(id);
        return true;
    }

    private static Func<GrainId, bool> AccountOf(string org) =>
        id => id.Type.ToString() == "account" && id.Key.ToString()!.StartsWith(org + "/", StringComparison.Ordinal);

    private async Task<(ICustomerAccountsGrain Accounts, ICustomerGrain Customer)> Customer()
    {
        var id = Guid.NewGuid();
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(_org, id));
        Assert.True((await customer.Create(Requests.Private())).IsOk);
        return (fixture.Grains.GetGrain<ICustomerAccountsGrain>(GrainKeys.Customer(_org, id)), customer);
    }
}
