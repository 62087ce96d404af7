using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization.Cloning;

namespace Customers.Grains;

/// <summary>
/// Orleans' generated grain references build the copiers of their arguments from the service
/// provider when each reference is constructed, creating a fresh graph of copiers unless the provider
/// holds one. Copiers keep no state of their own (a copy's state lives in its copy context), so one
/// instance of each serves every reference: a reference then costs its own few bytes, not a graph of
/// copiers per customer, and making one is a handful of lookups.
/// </summary>
internal static class SharedCopiers
{
    public static IServiceCollection AddSharedCopiers(this IServiceCollection services, params Assembly[] assemblies)
    {
        foreach (var type in GeneratedIn(assemblies))
        {
            services.TryAddSingleton(type);
        }

        return services;
    }

    /// <summary>The copiers Orleans generated for the types of <paramref name="assemblies"/>.</summary>
    public static IEnumerable<Type> GeneratedIn(params Assembly[] assemblies) =>
        assemblies.SelectMany(a => a.GetTypes()).Where(IsGeneratedCopier);

    private static bool IsGeneratedCopier(Type type) =>
        type is { IsAbstract: false, IsInterface: false, ContainsGenericParameters: false }
        && type.Namespace?.StartsWith("OrleansCodeGen", StringComparison.Ordinal) == true
        && typeof(IDeepCopier).IsAssignableFrom(type);
}
