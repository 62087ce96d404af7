namespace Customers.Grains.Indexing;

/// <summary>Which grain owns the values of each index kind, and how to ask it whether it still does.</summary>
public static class IndexOwners
{
    public static Task<CustomerRef?> Resolve(IGrainFactory grains, string org, string kind, string value, Guid owner) => kind switch
    {
        IndexKinds.Document or IndexKinds.LoginEmail or IndexKinds.CustomerExternalId =>
            grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(org, owner)).ResolveIndexed(kind, value),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown index kind"),
    };

    /// <summary>Whether <paramref name="owner"/> still holds <paramref name="value"/>; false lets the index free a stale reservation.</summary>
    public static async Task<bool> Holds(IGrainFactory grains, string org, string kind, string value, Guid owner) => kind switch
    {
        IndexKinds.AccountExternalId or IndexKinds.TokenizationReference =>
            await grains.GetGrain<IAccountGrain>(GrainKeys.Account(org, owner)).ResolveIndexed(kind, value) is not null,
        IndexKinds.Document or IndexKinds.LoginEmail or IndexKinds.CustomerExternalId =>
            await grains.GetGrain<IIndexedValueHolder>(GrainKeys.Customer(org, owner)).HoldsIndexed(kind, value),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown index kind"),
    };

    /// <summary>The live account owning <paramref name="value"/>, asked of the index and confirmed by the account itself.</summary>
    public static async Task<AccountRef?> FindAccount(IGrainFactory grains, string org, string kind, string value)
    {
        var owner = await grains.GetGrain<IUniqueIndexGrain>(GrainKeys.Index(org, kind, value)).Owner();
        return owner is { } id ? await grains.GetGrain<IAccountGrain>(GrainKeys.Account(org, id)).ResolveIndexed(kind, value) : null;
    }

    /// <summary>The live owner of <paramref name="value"/>, asked of the index and confirmed by the owner itself.</summary>
    public static async Task<CustomerRef?> Find(IGrainFactory grains, string org, string kind, string value)
    {
        var owner = await grains.GetGrain<IUniqueIndexGrain>(GrainKeys.Index(org, kind, value)).Owner();
        return owner is { } id ? await Resolve(grains, org, kind, value, id) : null;
    }
}
