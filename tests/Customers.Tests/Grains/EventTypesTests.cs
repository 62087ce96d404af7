namespace Customers.Tests.Grains;

/// <summary>The closed list of event types, and what a filter of type prefixes selects from it.</summary>
public class EventTypesTests
{
    private static readonly string[] ContractTypes =
    [
        "customer.created", "customer.updated", "customer.deleted", "customer.erased",
        "account.created", "account.closed", "account.billing_address.changed", "account.payment_method.changed",
        "account.tokenization.requested", "account.tokenization.completed", "account.tokenization.failed",
        "account.tokenization.expired", "account.contract.requested",
        "promotion.created", "promotion.activated", "promotion.expired", "promotion.cancelled",
        "customer.category.set", "customer.category.removed",
        "customer.special_treatment.set", "customer.special_treatment.removed",
        "credential.created", "credential.activated", "credential.username_changed",
        "credential.expiration_changed", "credential.deleted",
        "identification.uploaded",
        "catalogue.category.created", "catalogue.category.updated", "catalogue.category.deleted",
        "catalogue.special_treatment.updated",
    ];

    [Fact]
    public void All_lists_each_type_of_the_contract_once() =>
        Assert.Equal(ContractTypes.Order(), EventTypes.All.Order());

    [Fact]
    public void A_prefix_selects_every_type_that_starts_with_it() =>
        Assert.Equal(
            ["customer.category.removed", "customer.category.set", "customer.created", "customer.deleted", "customer.erased",
             "customer.special_treatment.removed", "customer.special_treatment.set", "customer.updated"],
            EventTypes.StartingWith(["customer."]).Order());

    [Fact]
    public void Several_prefixes_select_the_types_of_each() =>
        Assert.Equal(
            ["account.tokenization.completed", "account.tokenization.expired", "account.tokenization.failed",
             "account.tokenization.requested", "credential.deleted"],
            EventTypes.StartingWith(["account.tokenization.", "credential.deleted"]).Order());

    [Theory]
    [InlineData("Customer.")]
    [InlineData("customer.%")]
    [InlineData("customers")]
    public void A_prefix_is_matched_as_written(string prefix) =>
        Assert.Empty(EventTypes.StartingWith([prefix]));
}
