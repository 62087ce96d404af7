using Orleans.Concurrency;

namespace Customers;

/// <summary>The special treatment of one customer (at most one value). The customer grain itself.</summary>
public interface ICustomerSpecialTreatmentGrain : IGrainWithStringKey
{
    Task<Outcome<SpecialTreatmentValues>> GetSpecialTreatment();

    /// <summary><c>[]</c> clears; a value the org does not list is invalid.</summary>
    Task<Outcome> SetSpecialTreatment(SpecialTreatmentValues request);

    Task<Outcome> ClearSpecialTreatment();

    /// <summary>As <see cref="ICustomerCategoriesGrain.MayHoldCategoryValue"/>, for the special treatment.</summary>
    [AlwaysInterleave]
    Task<bool> MayHoldSpecialTreatment(string value);
}
