using System.Collections.Concurrent;

namespace Customers.Tests.Silo;

public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task Arm(TimeSpan dueTime);
}

/// <summary>A grain whose only job is to prove a reminder stored in PostgreSQL fires.</summary>
public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public static readonly ConcurrentDictionary<string, int> Fired = new();

    public Task Arm(TimeSpan dueTime) => this.RegisterOrUpdateReminder("probe", dueTime, TimeSpan.FromMinutes(1));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Fired.AddOrUpdate(this.GetPrimaryKeyString(), 1, (_, n) => n + 1);
        await this.UnregisterReminder(await this.GetReminder(reminderName) ?? throw new InvalidOperationException("reminder vanished"));
    }
}
