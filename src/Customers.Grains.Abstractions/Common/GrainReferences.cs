namespace Customers;

/// <summary>
/// Grain references by string key, for the front door and for grains calling grains. Orleans'
/// <c>GetGrain&lt;T&gt;(key)</c> finds the interface's grain interface type by reading its attributes
/// again on every call, 3 % of a hot GET's CPU; here the grain and interface types are found once per
/// interface and each reference is made from them and the key, the rest of what <c>GetGrain</c> does.
/// </summary>
public static class GrainReferences
{
    public static T Ref<T>(this IGrainFactory grains, string key) where T : IGrainWithStringKey
    {
        var kinds = Kinds<T>.Resolved ??= Resolve<T>(grains, key);
        return (T)grains.GetGrain(GrainId.Create(kinds.Grain, key), kinds.Interface);
    }

    private static GrainKinds Resolve<T>(IGrainFactory grains, string key) where T : IGrainWithStringKey
    {
        var reference = (GrainReference)(object)grains.GetGrain<T>(key);
        return new GrainKinds(reference.GrainId.Type, reference.InterfaceType);
    }

    private sealed record GrainKinds(GrainType Grain, GrainInterfaceType Interface);

    // One per interface; a reference is replaced whole, so a reader sees either none or both types.
    private static class Kinds<T>
    {
        public static GrainKinds? Resolved;
    }
}
