namespace Customers.Grains;

internal static class Gates
{
    /// <summary>Waits for <paramref name="gate"/>; disposing the answer lets the next one in.</summary>
    public static async Task<IDisposable> Enter(this SemaphoreSlim gate)
    {
        await gate.WaitAsync();
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
