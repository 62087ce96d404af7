using Customers.Tests.Infrastructure;

namespace Customers.Client.Tests;

/// <summary>One running service shared by the generated client's tests.</summary>
[CollectionDefinition(Name)]
public sealed class ClientApiCollection : ICollectionFixture<ApiHostFixture>
{
    public const string Name = "client-api";
}
