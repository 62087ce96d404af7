namespace Customers.Grains.Indexing;

/// <summary>A per-org, per-kind monotonic sequence. Key: <see cref="GrainKeys.Sequence"/>. Values are never reused.</summary>
public interface ISequenceGrain : IGrainWithStringKey
{
    Task<long> Next();
}

public static class SequenceKinds
{
    public const string Customers = "customers";
    public const string Accounts = "accounts";
    public const string Categories = "categories";
}
