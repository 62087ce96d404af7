using Customers.Grains.Catalog;
using Microsoft.Extensions.Logging;

namespace Customers.Grains.Customers;

/// <summary>
/// What this customer holds of the org's catalogue (category values, special treatment) is
/// recorded in the holder buckets (<see cref="ICatalogHoldersGrain"/>), which the catalogue asks
/// before it removes a value, so no scan of customers is needed. Taking a value records it in the
/// bucket first, has the catalogue validate it after (see <c>TenantCatalogGrain.Narrow</c> for why
/// in that order), and writes the customer last; a refusal or a failed write puts the bucket back.
/// Dropping one writes the customer first and tells the bucket after. A failure in between
/// therefore leaves the bucket believing in a holder that is not one (it asks the customer before
/// a removal is refused because of it), never the reverse, which would let a value in use be removed.
/// </summary>
public sealed partial class CustomerGrain
{
    /// <summary>
    /// Set while a change of holdings is between the bucket and storage: the bucket's
    /// "do you hold it?" is then answered yes, since the answer is about to be decided.
    /// </summary>
    private bool _holdingsInFlight;

    private ITenantCatalogGrain Catalog => GrainFactory.Ref<ITenantCatalogGrain>(GrainKeys.TenantCatalog(_org));

    private ICatalogHoldersGrain SpecialTreatmentHolders =>
        GrainFactory.Ref<ICatalogHoldersGrain>(HolderBuckets.Key(_org, HolderBuckets.SpecialTreatment, _id));

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private ICatalogHoldersGrain CategoryHolders(int categoryId) =>
        GrainFactory.Ref<ICatalogHoldersGrain>(HolderBuckets.Key(_org, HolderBuckets.CategoryScope(categoryId), _id));

    /// <summary>Runs a change of holdings with <see cref="_holdingsInFlight"/> set.</summary>
    private async Task<Outcome> ChangingHoldings(Func<Task<Outcome>> change)
    {
        _holdingsInFlight = true;
        try
        {
            return await change();
        }
        finally
        {
            _holdingsInFlight = false;
        }
    }

    /// <summary>
    /// Records in <paramref name="holders"/> that this customer is about to hold <paramref name="value"/>,
    /// then has <paramref name="validate"/> decide; a refusal puts the bucket back. <paramref name="heldBefore"/>:
    /// whether the customer held the scope before, with <paramref name="previous"/>.
    /// </summary>
    private async Task<Outcome> Take(ICatalogHoldersGrain holders, string? value, bool heldBefore, string? previous, Func<Task<Outcome>> validate)
    {
        // Asked first too, so an unknown category or a value never allowed costs no bucket write;
        // the answer that decides is the one given after the bucket has the customer.
        var allowed = await validate();
        if (!allowed.IsOk)
        {
            return allowed;
        }

        await holders.Acquire(_id, value, previous);
        Outcome valid;
        try
        {
            valid = await validate();
        }
        catch
        {
            await PutBack(holders, heldBefore, previous);
            throw;
        }

        if (!valid.IsOk)
        {
            await PutBack(holders, heldBefore, previous);
        }

        return valid;
    }

    /// <summary>Writes a value <see cref="Take"/> recorded; a failed write puts the bucket back, a stored one lets go of the previous value.</summary>
    private async Task WriteTaken(CustomerState snapshot, ICatalogHoldersGrain holders, bool heldBefore, string? previous)
    {
        try
        {
            await WriteOrRevert(snapshot);
        }
        catch
        {
            await PutBack(holders, heldBefore, previous);
            throw;
        }

        if (previous is not null)
        {
            await TellHolders(() => holders.Settle(_id));
        }
    }

    private Task PutBack(ICatalogHoldersGrain holders, bool heldBefore, string? previous) =>
        TellHolders(() => heldBefore ? holders.Restore(_id, previous) : holders.Release(_id));

    /// <summary>
    /// A report to a bucket after this customer's own state is settled. Its failure does not
    /// fail the customer's change: the bucket is left with a holder it will find stale.
    /// </summary>
    private async Task TellHolders(Func<Task> report)
    {
        try
        {
            await report();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Reporting a holding change of customer {CustomerId} of {Org} to its holder bucket failed", _id, _org);
        }
    }

    /// <summary>After the customer is stored as deleted: its buckets forget what it held.</summary>
    private async Task ReleaseCatalogHoldings()
    {
        var reports = S.Categories
            .Where(c => c.HeldSince is not null)
            .Select(c => TellHolders(() => CategoryHolders(c.Id).Release(_id)))
            .ToList();
        if (S.SpecialTreatment is not null)
        {
            reports.Add(TellHolders(() => SpecialTreatmentHolders.Release(_id)));
        }

        await Task.WhenAll(reports);
    }
}
