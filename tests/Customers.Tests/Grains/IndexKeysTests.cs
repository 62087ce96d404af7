using System.Security.Cryptography;
using Customers.Grains.Indexing;

namespace Customers.Tests.Grains;

public class IndexKeysTests
{
    private static readonly byte[] Secret = SHA256.HashData("one deployment"u8);

    [Fact]
    public void A_value_gets_the_same_key_from_every_holder_of_the_secret()
    {
        Assert.Equal(new IndexKeys(Secret).For("telco", "document", "NIF:12345678Z"), new IndexKeys(Secret).For("telco", "document", "NIF:12345678Z"));
    }

    [Fact]
    public void The_key_names_the_org_and_the_kind_but_not_the_value()
    {
        var key = new IndexKeys(Secret).For("telco", "document", "NIF:12345678Z");

        Assert.StartsWith("telco/document/", key, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678", key, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_deployments_secret_gives_another_key()
    {
        Assert.NotEqual(new IndexKeys(Secret).For("telco", "document", "NIF:12345678Z"), new IndexKeys(SHA256.HashData("another"u8)).For("telco", "document", "NIF:12345678Z"));
    }

    [Theory]
    [InlineData("telco", "document", "NIF:12345678Z", "telco", "document", "NIF:87654321X")]
    [InlineData("telco", "document", "NIF:12345678Z", "other", "document", "NIF:12345678Z")]
    [InlineData("telco", "login-email", "a@example.com", "telco", "customer-external-id", "a@example.com")]
    public void Values_of_other_orgs_or_kinds_get_other_keys(string org1, string kind1, string value1, string org2, string kind2, string value2)
    {
        var keys = new IndexKeys(Secret);

        Assert.NotEqual(keys.For(org1, kind1, value1), keys.For(org2, kind2, value2));
    }

    [Fact]
    public void A_key_asked_before_the_secret_is_loaded_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new IndexKeys().For("telco", "document", "NIF:12345678Z"));
    }

    [Fact]
    public void A_secret_once_set_is_not_replaced_by_another()
    {
        using var keys = new IndexKeys(Secret);

        Assert.Throws<InvalidOperationException>(() => keys.Use(SHA256.HashData("another"u8)));
    }

    [Fact]
    public async Task Keys_made_on_many_threads_at_once_are_the_keys_made_on_one()
    {
        using var keys = new IndexKeys(Secret);
        var values = Enumerable.Range(0, 2000).Select(i => $"NIF:{i:D8}Z").ToArray();
        var alone = values.Select(v => keys.For("telco", "document", v)).ToArray();

        var together = await Task.WhenAll(values.Select(v => Task.Run(() => keys.For("telco", "document", v))));

        Assert.Equal(alone, together);
    }

    [Fact]
    public void A_short_secret_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new IndexKeys(new byte[16]));
    }
}
