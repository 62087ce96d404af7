namespace Customers.Tests.Infrastructure;

/// <summary>Waits for something the service does asynchronously (a provider confirmation, a reminder).</summary>
public static class Eventually
{
    /// <summary>Probes until <paramref name="done"/> holds or the time is up; returns the last value for the test to assert on.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }
}
