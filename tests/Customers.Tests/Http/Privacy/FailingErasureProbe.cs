using System.Collections.Concurrent;
using Customers.Grains.Privacy;

namespace Customers.Tests.Http.Privacy;

/// <summary>Fails a chosen step of a chosen customer's erasure, the way a crash there would cut it off.</summary>
public sealed class FailingErasureProbe : IErasureProbe
{
    private readonly ConcurrentDictionary<Guid, (string Step, int TimesLeft)> _failures = new();

    public ConcurrentQueue<(Guid Customer, string Step)> Failed { get; } = new();

    public void Fail(string customerId, string step, int times = 1) => _failures[Guid.Parse(customerId)] = (step, times);

    public Task BeforeStep(string org, Guid customerId, string step)
    {
        if (_failures.TryGetValue(customerId, out var failure) && failure.Step == step && failure.TimesLeft > 0)
        {
            _failures[customerId] = failure with { TimesLeft = failure.TimesLeft - 1 };
            Failed.Enqueue((customerId, step));
            throw new InvalidOperationException($"erasure cut off before {step}");
        }

        return Task.CompletedTask;
    }
}
