namespace Customers;

/// <summary>What the tokenization provider reports for one request.</summary>
[GenerateSerializer]
public sealed class TokenizationResult
{
    [Id(0)] public string? Status { get; set; }
    [Id(1)] public string? TokenId { get; set; }
    [Id(2)] public TokenizedCard? Card { get; set; }
    [Id(3)] public string? ErrorMessage { get; set; }
}

[GenerateSerializer]
public sealed class TokenizedCard
{
    /// <summary>The card's last four digits.</summary>
    [Id(0)] public string? Summary { get; set; }

    /// <summary><c>MM/yyyy</c>.</summary>
    [Id(1)] public string? ExpirationDate { get; set; }
}

[GenerateSerializer]
public sealed class TokenizationRequestView
{
    [Id(0)] public Guid ReferenceId { get; set; }
    [Id(1)] public Guid AccountId { get; set; }
    [Id(2)] public string Status { get; set; } = "";
    [Id(3)] public string? TokenId { get; set; }
    [Id(4)] public string? ErrorMessage { get; set; }
    [Id(5)] public DateTime CreatedAt { get; set; }
    [Id(6)] public DateTime UpdatedAt { get; set; }
}

/// <summary>One entry of a customer's available credit cards.</summary>
[GenerateSerializer]
public sealed class CreditCardView
{
    /// <summary>The token id.</summary>
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public DateTime CreatedAt { get; set; }
    [Id(2)] public string Summary { get; set; } = "";
    [Id(3)] public string ExpirationDate { get; set; } = "";
}

public static class TokenizationStatuses
{
    public const string Pending = "PENDING";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string Expired = "EXPIRED";
}
