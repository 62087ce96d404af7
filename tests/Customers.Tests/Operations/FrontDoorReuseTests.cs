using Customers.Api.Auth;
using Customers.Tests.Grains;
using Customers.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Customers.Tests.Operations;

/// <summary>What the front door keeps between requests answers as a fresh lookup would.</summary>
[Collection(GrainClusterCollection.Name)]
public class FrontDoorReuseTests(GrainClusterFixture fixture)
{
    [Fact]
    public void A_key_found_before_is_found_again_and_a_wrong_key_never_is()
    {
        var ring = new ApiKeyRing(Options.Create(new ApiKeyOptions
        {
            ApiKeys =
            [
                new ApiKeyEntry { Name = "admin", Key = TestKeys.Admin, Orgs = ["*"], Permissions = ["*"] },
                new ApiKeyEntry { Name = "reader", Key = TestKeys.CustomersReader, Orgs = ["telco"], Permissions = ["customers:read"] },
            ],
        }), new DevelopmentKey(NullLogger<DevelopmentKey>.Instance));

        Assert.Equal("admin", ring.Find(TestKeys.Admin)?.Name);
        Assert.Equal("admin", ring.Find(TestKeys.Admin)?.Name);
        Assert.Equal("reader", ring.Find(TestKeys.CustomersReader)?.Name);
        Assert.Null(ring.Find(TestKeys.Admin + "x"));
        Assert.Null(ring.Find(TestKeys.Admin[..^1]));
        Assert.Null(ring.Find(""));
    }

    [Fact]
    public async Task References_made_apart_for_one_key_reach_the_same_grain_and_no_other()
    {
        var org = $"org-{Guid.NewGuid():N}"[..20];
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        var a = fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(org, first));
        var again = fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(org, first));
        var b = fixture.Grains.GetGrain<ICustomerGrain>(GrainKeys.Customer(org, second));
        Assert.True((await a.Create(Requests.Private())).IsOk);

        Assert.Equal(a.GetGrainId(), again.GetGrainId());
        Assert.NotNull(await again.Get());
        Assert.Null(await b.Get());
    }
}
