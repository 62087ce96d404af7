using System.Collections.Concurrent;

namespace Customers.Tests.Http.Credentials;

/// <summary>An identity provider that fails a given number of calls, or holds every call until released, and records what it confirmed.</summary>
public sealed class ScriptedIdentityProvider(int failures = 0) : IIdentityProvider
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _failuresLeft = failures;
    private int _calls;
    private bool _holds;

    public int Calls => Volatile.Read(ref _calls);

    public ConcurrentQueue<IdentityActivation> Activated { get; } = new();

    public ConcurrentQueue<IdentityUsernameChange> Renamed { get; } = new();

    public ConcurrentQueue<IdentityRemoval> Removed { get; } = new();

    /// <summary>A provider whose calls wait until <see cref="Release"/>.</summary>
    public static ScriptedIdentityProvider Holding() => new() { _holds = true };

    public void Release() => _released.TrySetResult();

    public async Task ActivateAsync(IdentityActivation activation, CancellationToken cancellationToken)
    {
        await Answer(cancellationToken);
        Activated.Enqueue(activation);
    }

    public async Task ChangeUsernameAsync(IdentityUsernameChange change, CancellationToken cancellationToken)
    {
        await Answer(cancellationToken);
        Renamed.Enqueue(change);
    }

    public async Task RemoveAsync(IdentityRemoval removal, CancellationToken cancellationToken)
    {
        await Answer(cancellationToken);
        Removed.Enqueue(removal);
    }

    private async Task Answer(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (_holds)
        {
            await _released.Task.WaitAsync(cancellationToken);
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new HttpRequestException("identity provider unavailable");
        }
    }
}
