using Customers.Silo.Database;
using Npgsql;

namespace Customers.Tests.Silo;

public sealed class ConnectionsTests
{
    private const string Given = "Host=127.0.0.1;Port=5432;Database=customers;Username=postgres;Maximum Pool Size=100";

    [Fact]
    public void A_silo_keeps_at_most_the_configured_number_of_connections_whatever_the_connection_string_asks()
    {
        var built = new NpgsqlConnectionStringBuilder(Connections.ForSilo(Given, 16, "customers-silo-11111"));

        Assert.Equal(16, built.MaxPoolSize);
    }

    [Fact]
    public void Each_silo_names_its_own_pool()
    {
        var first = new NpgsqlConnectionStringBuilder(Connections.ForSilo(Given, 16, "customers-silo-11111"));
        var second = new NpgsqlConnectionStringBuilder(Connections.ForSilo(Given, 16, "customers-silo-11112"));

        Assert.Equal("customers-silo-11111", first.ApplicationName);
        Assert.NotEqual(first.ConnectionString, second.ConnectionString);
    }

    [Fact]
    public void An_application_name_in_the_connection_string_is_kept()
    {
        var built = new NpgsqlConnectionStringBuilder(Connections.ForSilo(Given + ";Application Name=billing", 16, "customers-silo-11111"));

        Assert.Equal("billing", built.ApplicationName);
    }

    [Fact]
    public void A_pool_of_no_connections_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Connections.ForSilo(Given, 0, "customers-silo-11111"));
}
