namespace Customers.Tests.Infrastructure;

/// <summary>The real PostgreSQL the integration tests run against; ./test.sh starts it and sets the variable.</summary>
public static class TestDatabase
{
    public const string Variable = "CUSTOMERS_TEST_CONNECTION";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run the tests with ./test.sh, which starts PostgreSQL.");
}
