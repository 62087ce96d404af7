namespace Customers;

/// <summary>The unique values an org keeps, each in its own index grain per value.</summary>
public static class IndexKinds
{
    /// <summary>Identity document, value <c>TYPE:NUMBER</c>.</summary>
    public const string Document = "document";

    /// <summary>The e-mail a customer authenticates with (digital e-mail or credential username), lower-cased.</summary>
    public const string LoginEmail = "login-email";

    public const string CustomerExternalId = "customer-external-id";

    public const string AccountExternalId = "account-external-id";

    /// <summary>A card tokenization's <c>reference_id</c> (lower-case UUID); never reused, so it stays with its account.</summary>
    public const string TokenizationReference = "tokenization-reference";

    public static string DocumentValue(string type, string number) => $"{type}:{number}";
}
