using Customers.Grains.Events;

namespace Customers.Grains.Accounts;

public sealed partial class AccountGrain
{
    /// <summary>Records an event of this account; it is stored by the next successful write of the state.</summary>
    private void Record(string type, params string[] changes) =>
        S.Record(type, _org, S.CustomerId, _id, Now, changes);

    /// <summary>A change the clock made (a reminder's, or caught up by a command): its actor is the system.</summary>
    private static string PromotionEvent(string status) =>
        status == PromotionStatuses.Expired ? EventTypes.PromotionExpired : EventTypes.PromotionActivated;

    private void RecordBySystem(string type, params string[] changes) =>
        S.Record(type, _org, S.CustomerId, _id, Now, changes, EventActors.System);
}
