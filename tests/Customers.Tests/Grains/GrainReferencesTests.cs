namespace Customers.Tests.Grains;

[Collection(GrainClusterCollection.Name)]
public class GrainReferencesTests(GrainClusterFixture fixture)
{
    private readonly string _org = $"org-{Guid.NewGuid():N}"[..20];

    [Fact]
    public void A_reference_names_the_grain_and_interface_Orleans_would_name()
    {
        var key = GrainKeys.Customer(_org, Guid.NewGuid());

        var made = (GrainReference)(object)fixture.Grains.Ref<ICustomerGrain>(key);
        var orleans = (GrainReference)(object)fixture.Grains.GetGrain<ICustomerGrain>(key);

        Assert.Equal(orleans.GrainId, made.GrainId);
        Assert.Equal(orleans.InterfaceType, made.InterfaceType);
    }

    [Fact]
    public void Each_interface_of_one_grain_keeps_its_own_interface_type()
    {
        var key = GrainKeys.Customer(_org, Guid.NewGuid());

        var customer = (GrainReference)(object)fixture.Grains.Ref<ICustomerGrain>(key);
        var categories = (GrainReference)(object)fixture.Grains.Ref<ICustomerCategoriesGrain>(key);

        Assert.Equal(customer.GrainId, categories.GrainId);
        Assert.NotEqual(customer.InterfaceType, categories.InterfaceType);
        Assert.Equal(((GrainReference)(object)fixture.Grains.GetGrain<ICustomerCategoriesGrain>(key)).InterfaceType, categories.InterfaceType);
    }

    [Fact]
    public async Task A_call_through_a_made_reference_reaches_the_grain()
    {
        var id = Guid.NewGuid();
        var created = await fixture.Grains.Ref<ICustomerGrain>(GrainKeys.Customer(_org, id)).Create(Requests.Private());

        var view = await fixture.Grains.Ref<ICustomerGrain>(GrainKeys.Customer(_org, id)).Get();

        Assert.True(created.IsOk);
        Assert.Equal(id, view!.Id);
    }

    [Fact]
    public async Task A_view_holds_its_times_in_UTC_to_the_second()
    {
        GrainClusterFixture.Clock.Advance(TimeSpan.FromMilliseconds(1234));
        var grain = fixture.Grains.Ref<ICustomerGrain>(GrainKeys.Customer(_org, Guid.NewGuid()));
        await grain.Create(Requests.Private());

        var view = (await grain.Get())!;

        Assert.Equal(DateTimeKind.Utc, view.CreatedAt.Kind);
        Assert.Equal(0, view.CreatedAt.Ticks % TimeSpan.TicksPerSecond);
        Assert.Equal(0, view.UpdatedAt.Ticks % TimeSpan.TicksPerSecond);
    }
}
