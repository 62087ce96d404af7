namespace Customers.Grains.Privacy;

/// <summary>
/// Told before each step of an erasure. The default does nothing; a test fails a step with it to
/// show that an erasure cut off there is completed by the customer's reminder.
/// </summary>
public interface IErasureProbe
{
    Task BeforeStep(string org, Guid customerId, string step);
}

public sealed class NoErasureProbe : IErasureProbe
{
    public Task BeforeStep(string org, Guid customerId, string step) => Task.CompletedTask;
}

/// <summary>The steps of an erasure, in the order they run.</summary>
public static class ErasureSteps
{
    public const string Accounts = "accounts";
    public const string Documents = "documents";
    public const string CatalogueHoldings = "catalogue-holdings";
    public const string Credential = "credential";
    public const string UniqueValues = "unique-values";
    public const string Tombstone = "tombstone";

    public static readonly IReadOnlyList<string> All = [Accounts, Documents, CatalogueHoldings, Credential, UniqueValues, Tombstone];
}
