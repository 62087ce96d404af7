using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Customers.Grains.Customers;

/// <summary>
/// What this customer holds of the org's catalogue (category values, special treatment) is
/// reported to the catalogue, which refuses to remove a value in use without scanning customers.
/// Taking a value asks the catalogue first and writes the customer after; dropping one writes the
/// customer first and tells the catalogue after. A failure in between therefore leaves the
/// catalogue believing in a holder that is not one (it asks the customer before refusing a
/// removal because of it), never the reverse, which would let a value in use be removed.
/// </summary>
public sealed partial class CustomerGrain
{
    /// <summary>
    /// Set while a change of holdings is between the catalogue and storage: the catalogue's
    /// "do you hold it?" is then answered yes, since the answer is about to be decided.
    /// </summary>
    private bool _holdingsInFlight;

    private ITenantCatalogGrain Catalog => GrainFactory.GetGrain<ITenantCatalogGrain>(GrainKeys.TenantCatalog(_org));

    private DateTime Now => time.GetUtcNow().UtcDateTime;

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

    /// <summary>Writes a change the catalogue already counted; when the write fails, the catalogue is put back too.</summary>
    private async Task WriteOrUndo(CustomerState snapshot, Func<ITenantCatalogGrain, Task> undo)
    {
        try
        {
            await WriteOrRevert(snapshot);
        }
        catch
        {
            await TellCatalog(undo);
            throw;
        }
    }

    /// <summary>
    /// A report to the catalogue after this customer's own state is settled. Its failure does not
    /// fail the customer's change: the catalogue is left with a holder it will find stale.
    /// </summary>
    private async Task TellCatalog(Func<ITenantCatalogGrain, Task> report)
    {
        try
        {
            await report(Catalog);
        }
        catch (Exception e)
        {
            ServiceProvider.GetRequiredService<ILogger<CustomerGrain>>()
                .LogWarning(e, "Reporting a holding change of customer {CustomerId} of {Org} to the catalogue failed", _id, _org);
        }
    }

    /// <summary>After the customer is stored as deleted: the catalogue forgets what it held.</summary>
    private async Task ReleaseCatalogHoldings()
    {
        if (S.SpecialTreatment is not null || S.Categories.Exists(c => c.HeldSince is not null))
        {
            await TellCatalog(catalog => catalog.ReleaseCustomer(_id));
        }
    }
}
