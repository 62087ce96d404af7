using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace Customers.Tests.Grains;

/// <summary>Account rules that depend on time, on the grains with a clock the tests move.</summary>
[Collection(GrainClusterCollection.Name)]
public class AccountGrainTests(GrainClusterFixture fixture)
{
    private static FakeTimeProvider Clock => GrainClusterFixture.Clock;
    private readonly string _org = $"org-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task An_idempotency_key_is_remembered_for_24_hours_and_then_forgotten()
    {
        var customer = await Customer();
        var first = await customer.OpenAccount(AccountRequests.Account(), "key-1");

        Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var replay = await customer.OpenAccount(AccountRequests.Account(), "key-1");
        var otherBody = await customer.OpenAccount(AccountRequests.Account(AccountRequests.DirectDebit()), "key-1");
        Clock.Advance(TimeSpan.FromSeconds(2));
        var afterWindow = await customer.OpenAccount(AccountRequests.Account(), "key-1");

        Assert.Equal(first.Value!.Id, replay.Value!.Id);
        Assert.Equal(OutcomeStatus.Conflict, otherBody.Status);
        Assert.True(afterWindow.IsOk);
        Assert.NotEqual(first.Value.Id, afterWindow.Value!.Id);
        Assert.Equal(2, (await customer.ListAccounts()).Value!.Count);
    }

    [Fact]
    public async Task A_refused_creation_is_not_remembered_under_its_key()
    {
        var customer = await Customer();
        var invalid = AccountRequests.Account(AccountRequests.DirectDebit("ES0000000000000000000000"));

        Assert.Equal(OutcomeStatus.Invalid, (await customer.OpenAccount(invalid, "key-2")).Status);
        var valid = await customer.OpenAccount(AccountRequests.Account(), "key-2");

        Assert.True(valid.IsOk);
    }

    [Fact]
    public async Task An_account_read_before_a_change_keeps_what_it_read()
    {
        var (account, _) = await OpenAccount();
        var before = (await account.Get())!;
        var lines = before.BillingAddress!.AddressLines!.ToList();

        Assert.True((await account.ChangeBillingAddress(Barcelona())).IsOk);
        var after = (await account.Get())!;

        Assert.Equal(lines, before.BillingAddress!.AddressLines!);
        Assert.Equal(Barcelona().AddressLines, after.BillingAddress!.AddressLines!);
        Assert.NotSame(before, after);
    }

    [Fact]
    public async Task Billing_address_periods_are_filtered_by_inclusive_UTC_days()
    {
        // From noon: a change at exactly 00:00 would close the old period before the day being asked about begins.
        Clock.Advance(TimeSpan.FromHours(36) - Clock.GetUtcNow().TimeOfDay);
        var (account, _) = await OpenAccount();
        var opened = Today();
        Clock.Advance(TimeSpan.FromDays(10));
        Assert.True((await account.ChangeBillingAddress(Barcelona())).IsOk);
        var moved = Today();
        Clock.Advance(TimeSpan.FromDays(10));

        Assert.Equal(2, await Periods(account, null, null));
        Assert.Equal(1, await Periods(account, null, Day(opened, 9)));
        Assert.Equal(2, await Periods(account, Day(moved, 0), Day(moved, 0)));
        Assert.Equal(1, await Periods(account, Day(moved, 1), null));
        Assert.Equal(0, await Periods(account, null, Day(opened, -1)));
        Assert.Equal(1, await Periods(account, Day(opened, -5), Day(opened, 0)));
    }

    [Fact]
    public async Task Closing_a_period_gives_it_the_end_date_the_next_one_starts_with()
    {
        var (account, _) = await OpenAccount();
        Clock.Advance(TimeSpan.FromHours(5));

        await account.ChangeBillingAddress(Barcelona());

        var history = (await account.GetBillingAddressHistory(null, null)).Value!.History;
        Assert.Equal(history[1].InitDate, history[0].EndDate);
        Assert.Null(history[1].EndDate);
        Assert.Equal("08013", history[1].BillingAddress.PostalCode);
    }

    [Fact]
    public async Task An_ended_account_answers_not_found_and_ends_its_contract()
    {
        var (account, customer) = await OpenAccount();
        var id = (await account.Get())!.Id;

        Assert.True((await customer.CloseAccount(id)).IsOk);

        Assert.Null(await account.Get());
        Assert.Equal(OutcomeStatus.NotFound, (await account.GetActiveContract()).Status);
        Assert.Empty((await customer.ListAccounts()).Value!);
        Assert.Equal(OutcomeStatus.NotFound, (await customer.CloseAccount(id)).Status);
    }

    private static DateOnly Today() => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    private static string Day(DateOnly day, int offset) => day.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<int> Periods(IAccountGrain account, string? from, string? to)
    {
        var outcome = await account.GetBillingAddressHistory(from, to);
        Assert.True(outcome.IsOk);
        return outcome.Value!.History.Count;
    }

    private static BillingAddress Barcelona() => new()
    {
        AddressLines = ["Carrer de Mallorca, 401"],
        PostalCode = "08013",
        StateId = "08",
        Locality = "Barcelona",
        AdministrativeArea = "Barcelona",
        RegionCode = "ES",
    };

    private async Task<ICustomerAccountsGrain> Customer()
    {
        var id = Guid.NewGuid();
        Assert.True((await fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(_org, id)).Create(Requests.Private())).IsOk);
        return fixture.Grains.GetGrain<ICustomerAccountsGrain>(GrainKeys.Customer(_org, id));
    }

    private async Task<(IAccountGrain Account, ICustomerAccountsGrain Customer)> OpenAccount()
    {
        var customer = await Customer();
        var created = await customer.OpenAccount(AccountRequests.Account(), null);
        Assert.True(created.IsOk);
        return (fixture.Grains.GetGrain<IAccountGrain>(GrainKeys.Account(_org, created.Value!.Id)), customer);
    }
}
