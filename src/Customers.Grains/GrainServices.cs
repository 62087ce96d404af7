using Customers.Grains.Credentials;
using Customers.Grains.Indexing;
using Customers.Grains.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Customers.Grains;

public static class GrainServices
{
    /// <summary>
    /// What the grains take in their constructors beyond Orleans' own services, with the defaults a
    /// host replaces by registering its own first. The host adds an <see cref="IDocumentStore"/> and
    /// gives <see cref="IndexKeys"/> its secret before the first grain runs.
    /// </summary>
    public static IServiceCollection AddCustomerGrainServices(this IServiceCollection services)
    {
        services.TryAddTransient<IdentityProviderCalls>();
        services.TryAddSingleton<IndexOwnerHints>();
        services.TryAddSingleton<IndexKeys>();
        services.TryAddSingleton<IIdentityProvider, InProcessIdentityProvider>();
        services.TryAddSingleton<IErasureProbe, NoErasureProbe>();
        return services.AddSharedCopiers(typeof(ICustomerGrain).Assembly, typeof(GrainServices).Assembly);
    }
}
