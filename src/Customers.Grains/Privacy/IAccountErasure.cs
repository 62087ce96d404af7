namespace Customers.Grains.Privacy;

/// <summary>
/// How a customer's erasure reaches its accounts. Not in the abstractions: only the customer grain,
/// having recorded the erasure, may erase its accounts.
/// </summary>
public interface IAccountErasure : IGrainWithStringKey
{
    /// <summary>Clears the account's state and frees its unique values when it belongs to <paramref name="customerId"/>. Idempotent.</summary>
    Task Erase(Guid customerId);
}
