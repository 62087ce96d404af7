namespace Customers.Grains.Customers;

/// <summary>The customer grain's reminders, each handed to the feature that registered it.</summary>
public sealed partial class CustomerGrain : IRemindable
{
    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        CredentialReminder => OnCredentialReminder(),
        ErasureReminder => OnErasureReminder(),
        _ => Task.CompletedTask,
    };
}
