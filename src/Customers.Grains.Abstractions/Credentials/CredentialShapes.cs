namespace Customers;

[GenerateSerializer]
public sealed class CredentialRequest
{
    [Id(0)] public string? Username { get; set; }
}

[GenerateSerializer, Immutable]
public sealed record CredentialCreated([property: Id(0)] Guid Id);

[GenerateSerializer]
public sealed class CustomerCredentials
{
    /// <summary>The current credential's username; null when the customer has none.</summary>
    [Id(0)] public string? Username { get; set; }
    [Id(1)] public Guid CustomerId { get; set; }
    [Id(2)] public List<CredentialView> Credentials { get; set; } = [];
}

[GenerateSerializer]
public sealed class CredentialView
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public string Username { get; set; } = "";
    [Id(2)] public string Status { get; set; } = "";
    [Id(3)] public DateOnly? ExpirationDate { get; set; }

    /// <summary>Past its expiration date. Expiry is reported, never acted on: the status stays.</summary>
    [Id(4)] public bool Expired { get; set; }
}

public static class CredentialStatuses
{
    public const string Reserved = "RESERVED";
    public const string Activating = "ACTIVATING";
    public const string Active = "ACTIVE";
}
