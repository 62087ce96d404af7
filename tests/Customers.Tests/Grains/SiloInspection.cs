using Customers.Grains;
using Customers.Grains.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Customers.Tests.Grains;

/// <summary>What the test cluster's silo holds for a grain — its reminders and its stored state — read past the grain.</summary>
public static class SiloInspection
{
    public static async Task<List<ReminderEntry>> Reminders(this GrainClusterFixture fixture, IAddressable grain) =>
        (await Services(fixture).GetRequiredService<IReminderTable>().ReadRows(grain.GetGrainId())).Reminders.ToList();

    public static async Task<AccountState> StoredAccount(this GrainClusterFixture fixture, IAccountGrain account)
    {
        var state = new GrainState<AccountState>(new AccountState());
        await Services(fixture).GetRequiredKeyedService<IGrainStorage>(StorageNames.Default).ReadStateAsync("account", account.GetGrainId(), state);
        return Assert.IsType<AccountState>(state.State);
    }

    public static IServiceProvider Services(this GrainClusterFixture fixture) =>
        ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost!.Services;
}
