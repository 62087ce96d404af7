namespace Customers.Grains.Indexing;

/// <summary>Which grain owns the values of each index kind, and how to ask it whether it still does.</summary>
public static class IndexOwners
{
    public static Task<CustomerRef?> Resolve(IGrainFactory grains, string org, string kind, string value, Guid owner) => kind switch
    {
        IndexKinds.Document or IndexKinds.LoginEmail or IndexKinds.CustomerExternalId =>
            grains.Ref<ICustomerGrain>(GrainKeys.Customer(org, owner)).ResolveIndexed(kind, value),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown index kind"),
    };

    /// <summary>Whether <paramref name="owner"/> still holds <paramref name="value"/>; false lets the index free a stale reservation.</summary>
    public static async Task<bool> Holds(IGrainFactory grains, string org, string kind, string value, Guid owner) => kind switch
    {
        IndexKinds.AccountExternalId or IndexKinds.TokenizationReference =>
            await grains.Ref<IAccountGrain>(GrainKeys.Account(org, owner)).ResolveIndexed(kind, value) is not null,
        IndexKinds.Document or IndexKinds.LoginEmail or IndexKinds.CustomerExternalId =>
            await grains.Ref<IIndexedValueHolder>(GrainKeys.Customer(org, owner)).HoldsIndexed(kind, value),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown index kind"),
    };

    /// <summary>The live account owning <paramref name="value"/>, confirmed by the account itself.</summary>
    public static Task<AccountRef?> FindAccount(IGrainFactory grains, IndexKeys keys, IndexOwnerHints hints, string org, string kind, string value) =>
        Find(grains, keys, hints, org, kind, value, owner => grains.Ref<IAccountGrain>(GrainKeys.Account(org, owner)).ResolveIndexed(kind, value));

    /// <summary>The live customer owning <paramref name="value"/>, confirmed by the customer itself.</summary>
    public static Task<CustomerRef?> Find(IGrainFactory grains, IndexKeys keys, IndexOwnerHints hints, string org, string kind, string value) =>
        Find(grains, keys, hints, org, kind, value, owner => Resolve(grains, org, kind, value, owner));

    /// <summary>
    /// Asks the owner the hints name first; when there is none, or it no longer holds the value, asks
    /// the index grain who does and has that owner confirm.
    /// </summary>
    private static async Task<T?> Find<T>(IGrainFactory grains, IndexKeys keys, IndexOwnerHints hints, string org, string kind, string value, Func<Guid, Task<T?>> confirm)
        where T : class
    {
        var key = keys.For(org, kind, value);
        if (hints.TryGet(key, out var hinted))
        {
            if (await confirm(hinted) is { } found)
            {
                return found;
            }

            // The value (a document number, an e-mail) must not stay in this silo's memory on the
            // word of an owner that gave it up or was erased.
            hints.Forget(key);
        }

        if (await grains.Ref<IUniqueIndexGrain>(key).Owner() is not { } owner || owner == hinted)
        {
            return null;
        }

        var confirmed = await confirm(owner);
        if (confirmed is not null)
        {
            hints.Remember(key, owner);
        }

        return confirmed;
    }
}
