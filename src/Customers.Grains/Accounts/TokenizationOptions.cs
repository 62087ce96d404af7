namespace Customers.Grains.Accounts;

public sealed class TokenizationOptions
{
    public const string Section = "Tokenization";

    /// <summary>
    /// How long a card tokenization may stay PENDING before it becomes EXPIRED. The contract asks
    /// that one minute be possible; shorter values are accepted too, which tests use.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(15);
}
