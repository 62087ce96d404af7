using Customers.Grains.Privacy;
using Microsoft.Extensions.Logging;

namespace Customers.Grains.Customers;

/// <summary>
/// Erasure of the customer's personal data. The request is recorded first, with a reminder stored
/// before it, so from that write on the customer reads as not found and an interruption is finished
/// by the reminder. Each step can run again without harm; the last one replaces the state with a
/// tombstone that holds nothing but the time of the erasure and the credentials the identity
/// provider has yet to confirm removed.
/// </summary>
public sealed partial class CustomerGrain
{
    private const string ErasureReminder = "customer-erasure";

    public async Task<Outcome> Erase()
    {
        if (S.ErasedAt is not null)
        {
            return Outcome.Ok;
        }

        if (!S.Exists)
        {
            return NotFound;
        }

        if (S.ErasureRequestedAt is null)
        {
            await this.RegisterOrUpdateReminder(ErasureReminder, ErasureRetryPeriod, ErasureRetryPeriod);
            var snapshot = Snapshot();
            S.ErasureRequestedAt = time.GetUtcNow().UtcDateTime;
            await WriteOrRevert(snapshot);
        }

        await ContinueErasureIfRequested();
        return Outcome.Ok;
    }

    private async Task OnErasureReminder()
    {
        if (S.ErasureRequestedAt is null)
        {
            await StopReminder(ErasureReminder);
            return;
        }

        await ContinueErasureIfRequested();
    }

    /// <summary>Runs the erasure's steps from the first; a failure leaves the rest to the reminder.</summary>
    private async Task ContinueErasureIfRequested()
    {
        if (S.ErasureRequestedAt is null)
        {
            return;
        }

        try
        {
            await ContinueErasure();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Erasure of customer {CustomerId} of {Org} stopped; its reminder carries it on", _id, _org);
        }
    }

    private async Task ContinueErasure()
    {
        // An opening a failure left behind may name an account that exists but was never listed.
        await erasureProbe.BeforeStep(_org, _id, ErasureSteps.Accounts);
        await SettleOpenings();
        await Task.WhenAll(S.KnownAccounts().Select(id => GrainFactory.Ref<IAccountErasure>(GrainKeys.Account(_org, id)).Erase(_id)));
        if (S.Openings.Count > 0)
        {
            // Its creation may still be on its way: the reminder comes back until it has settled.
            return;
        }

        // Every document row of the customer goes, one whose upload was cut off before the grain listed it too.
        await erasureProbe.BeforeStep(_org, _id, ErasureSteps.Documents);
        await documents.DeleteCustomerDocumentsAsync(_org, _id);

        await erasureProbe.BeforeStep(_org, _id, ErasureSteps.CatalogueHoldings);
        var buckets = S.Categories.Select(c => CategoryHolders(c.Id)).Append(SpecialTreatmentHolders);
        await Task.WhenAll(buckets.Select(b => b.Release(_id)));

        // A credential the identity provider may let in is retired: its usernames stay taken until the
        // provider confirms its removal (§10), and only they; everything else is erased now.
        await erasureProbe.BeforeStep(_org, _id, ErasureSteps.Credential);
        var snapshot = Snapshot();
        if (await RetireCredentialAtProvider())
        {
            await WriteOrRevert(snapshot);
        }

        await erasureProbe.BeforeStep(_org, _id, ErasureSteps.UniqueValues);
        await Free(S.UniqueValues().Where(v => !HoldsStored(v)));

        // The tombstone keeps the retired credentials alone, until the provider's confirmation frees
        // their usernames; their reminder carries the calls on.
        await erasureProbe.BeforeStep(_org, _id, ErasureSteps.Tombstone);
        var erased = S;
        state.State = new CustomerState { ErasedAt = time.GetUtcNow().UtcDateTime, RetiredCredentials = erased.RetiredCredentials };
        Record(EventTypes.CustomerErased);
        await WriteOrRevert(erased);
        if (S.RetiredCredentials.Count > 0)
        {
            CallIdentityProvider();
        }
        else
        {
            await StopReminder(CredentialReminder);
        }

        await StopReminder(ErasureReminder);
    }

    /// <summary>As often as Orleans lets a reminder tick: one minute unless <c>Reminders:MinimumReminderPeriod</c> is lower.</summary>
    private TimeSpan ErasureRetryPeriod => reminders.Value.MinimumReminderPeriod;

    private async Task StopReminder(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
