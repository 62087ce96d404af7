using Customers.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Customers.Tests.Grains;

/// <summary>Grain references share one copier per argument type, and still copy every argument.</summary>
[Collection(GrainClusterCollection.Name)]
public class SharedCopiersTests(GrainClusterFixture fixture)
{
    public static TheoryData<string> GeneratedCopiers() =>
        new(SharedCopiers.GeneratedIn(typeof(ICustomerGrain).Assembly, typeof(GrainServices).Assembly).Select(t => t.AssemblyQualifiedName!));

    [Theory]
    [MemberData(nameof(GeneratedCopiers))]
    public void A_generated_copier_is_one_instance_per_silo(string copier)
    {
        var type = Type.GetType(copier, throwOnError: true)!;
        var services = fixture.Services();

        var first = ActivatorUtilities.GetServiceOrCreateInstance(services, type);
        var second = ActivatorUtilities.GetServiceOrCreateInstance(services, type);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task A_caller_changing_its_request_right_after_the_call_does_not_change_what_the_grain_receives()
    {
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer($"org-{Guid.NewGuid():N}"[..20], Guid.NewGuid()));
        Assert.True((await customer.Create(Requests.Private())).IsOk);
        var request = new PatchCustomerRequest { PreferredLanguage = "ca" };

        var call = customer.Update(request);
        request.PreferredLanguage = "not a language";

        Assert.True((await call).IsOk);
        Assert.Equal("ca", (await customer.Get())!.PreferredLanguage);
    }
}
