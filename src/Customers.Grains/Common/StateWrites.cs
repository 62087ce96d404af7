namespace Customers.Grains;

internal static class StateWrites
{
    /// <summary>
    /// Runs <paramref name="write"/>; when it fails, the state takes back what storage holds, since a
    /// write that timed out may still have committed. Storage out of reach leaves
    /// <paramref name="previous"/>, the likely truth; a committed write then shows as a conflicting
    /// ETag on the next one, which reloads the grain. The failure is rethrown either way.
    /// </summary>
    public static async Task WriteOrReload<T>(this IPersistentState<T> state, T previous, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch
        {
            try
            {
                await state.ReadStateAsync();
            }
            catch
            {
                state.State = previous;
            }

            throw;
        }
    }
}
