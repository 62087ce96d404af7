namespace Customers;

[GenerateSerializer]
public sealed class CreateAccountRequest
{
    [Id(0)] public string? Modality { get; set; }

    /// <summary>When absent, the customer's postal address is used.</summary>
    [Id(1)] public BillingAddress? BillingAddress { get; set; }

    [Id(2)] public PaymentMethod? PaymentMethod { get; set; }
}

/// <summary>What the customer grain hands the new account: the request and what the account needs to know of its customer.</summary>
[GenerateSerializer]
public sealed class OpenAccountCommand
{
    [Id(0)] public Guid CustomerId { get; set; }
    [Id(1)] public string CustomerExternalId { get; set; } = "";

    /// <summary>The customer's postal address, the billing address when the request has none.</summary>
    [Id(2)] public Address? CustomerPostalAddress { get; set; }

    [Id(3)] public CreateAccountRequest Request { get; set; } = new();
}
