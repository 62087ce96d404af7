namespace Customers.Grains.Customers;

/// <summary>The customer's export: each part built by the read that serves it, deleted customers included until erased.</summary>
public sealed partial class CustomerGrain : ICustomerPrivacyGrain
{
    /// <summary>True only while an export reads the customer: its reads then answer for a deleted customer too.</summary>
    private bool _exporting;

    private bool Readable => S.IsLive || (_exporting && S.Exists && S.ErasureRequestedAt is null);

    public async Task<Outcome<CustomerExport>> Export()
    {
        if (!S.Exists || S.ErasureRequestedAt is not null)
        {
            return NotFound;
        }

        // The reads below complete without yielding, so no interleaving call sees the flag set.
        _exporting = true;
        try
        {
            var processes = new List<IdentificationProcessView>();
            foreach (var summary in (await ListIdentificationProcesses()).Value!)
            {
                processes.Add((await GetIdentificationProcess(summary.ProcessId)).Value!);
            }

            return Outcome<CustomerExport>.Success(new CustomerExport
            {
                Customer = S.ToView(_id),
                Categories = (await GetCategories()).Value!,
                CategoriesHistory = (await GetCategoryHistory()).Value!,
                SpecialTreatment = (await GetSpecialTreatment()).Value!,
                Credentials = (await GetCredentials()).Value!,
                IdentificationProcesses = processes,
                AccountIds = [.. S.KnownAccounts()],
            });
        }
        finally
        {
            _exporting = false;
        }
    }
}
