using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Customers.Tests.Infrastructure;

public static class ShiftedClockHosting
{
    /// <summary>
    /// Grains (and the front door) read <paramref name="clock"/>; Orleans' background areas keep the
    /// real clock: membership compares silo generations and liveness times across processes and
    /// restarts, and a shifted clock there gets a restarted silo declared dead.
    /// </summary>
    public static void UseShiftedClock(this IServiceCollection services, ShiftedClock clock)
    {
        services.AddSingleton<TimeProvider>(clock);
        services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
    }
}
