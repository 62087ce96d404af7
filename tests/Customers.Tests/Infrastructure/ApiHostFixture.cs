namespace Customers.Tests.Infrastructure;

/// <summary>One running service shared by the HTTP tests of a collection.</summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    public ServiceHost Host { get; } = new();

    public HttpClient Client(string? key = TestKeys.Admin) => Host.ClientWithKey(key);

    public Task InitializeAsync()
    {
        // Starting the server boots the silo; failing here shows the real cause once.
        _ = Host.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiHostFixture>
{
    public const string Name = "api";
}
