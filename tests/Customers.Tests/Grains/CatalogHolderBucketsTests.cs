namespace Customers.Tests.Grains;

public class CatalogHolderBucketsTests
{
    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000", 5)]
    [InlineData("11a7e390-cad8-477d-a6fa-0641f4071654", 24)]
    [InlineData("0c04e235-d793-4271-8239-3d70a50fe442", 25)]
    public void A_customer_is_always_in_the_same_bucket(string customer, int bucket)
    {
        // Stored holders are found only where this puts them: these values must never change.
        Assert.Equal(bucket, HolderBuckets.Of(Guid.Parse(customer)));
        Assert.Equal($"telco/holders/7/{bucket}", HolderBuckets.Key("telco", HolderBuckets.CategoryScope(7), Guid.Parse(customer)));
        Assert.Equal($"telco/holders/special-treatment/{bucket}", HolderBuckets.Key("telco", HolderBuckets.SpecialTreatment, Guid.Parse(customer)));
    }

    [Fact]
    public void Customers_spread_over_every_bucket()
    {
        var counts = new int[HolderBuckets.Count];
        for (var i = 0; i < 64_000; i++)
        {
            counts[HolderBuckets.Of(Guid.NewGuid())]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 800, 1200));
    }

    [Fact]
    public void A_scope_names_its_category_or_the_special_treatment()
    {
        Assert.Equal(42, HolderBuckets.CategoryOf(HolderBuckets.CategoryScope(42)));
        Assert.Null(HolderBuckets.CategoryOf(HolderBuckets.SpecialTreatment));
        Assert.Equal(HolderBuckets.Count, HolderBuckets.AllKeys("telco", "3").Distinct().Count());
    }
}
