using Orleans.Concurrency;

namespace Customers;

/// <summary>One customer of one org. Key: <see cref="GrainKeys.Customer"/>.</summary>
public interface ICustomerGrain : IGrainWithStringKey
{
    Task<Outcome<CustomerCreated>> Create(CreateCustomerRequest request);

    /// <summary>The customer, or null when it never existed or was deleted.</summary>
    /// <remarks>A value task: the hottest call of the service answers without a task of its own on either side of the call.</remarks>
    ValueTask<CustomerView?> Get();

    Task<Outcome> Update(PatchCustomerRequest request);

    Task<Outcome> Delete();

    Task<Outcome> ReplaceAssociatedUsers(AssociatedUsersRequest request);

    Task<Outcome> ConvertNieToNif(ConvertNieToNifRequest request);

    /// <summary>
    /// The customer's ids when it is live and currently holds <paramref name="value"/> under
    /// <paramref name="kind"/>; index grains call it to tell live owners from stale reservations.
    /// </summary>
    [AlwaysInterleave]
    Task<CustomerRef?> ResolveIndexed(string kind, string value);
}
