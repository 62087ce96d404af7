using Customers.Grains.Validation;

namespace Customers.Tests.Validation;

public class AccountRulesTests
{
    [Theory]
    [InlineData("28108", "28", true)]
    [InlineData("08013", "08", true)]
    [InlineData("28108", null, true)]
    [InlineData("28108", "08", false)]
    [InlineData("28108", "2", false)]
    [InlineData("28108", "2a", false)]
    public void A_state_id_must_be_the_first_two_digits_of_the_postal_code(string postalCode, string? stateId, bool valid)
    {
        var v = new Violations();
        var address = new BillingAddress
        {
            AddressLines = ["Avenida de Bruselas, 38"],
            PostalCode = postalCode,
            StateId = stateId,
            Locality = "Alcobendas",
            AdministrativeArea = "Madrid",
            RegionCode = "ES",
        };

        AccountRules.BillingAddress(v, address, "billing_address");

        Assert.Equal(valid, !v.Any);
        Assert.All(v.Errors, e => Assert.Equal("billing_address.state_id", e.Field));
    }

    [Theory]
    [InlineData("02/2028", 2028, 2, 29)]
    [InlineData("02/2027", 2027, 2, 28)]
    [InlineData("12/2030", 2030, 12, 31)]
    public void A_card_is_valid_through_the_last_day_of_its_expiration_month(string expiration, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), AccountRules.CardValidThrough(expiration));

    [Fact]
    public void A_card_expiring_in_year_zero_is_valid_through_no_day() =>
        Assert.Equal(DateOnly.MinValue, AccountRules.CardValidThrough("12/0000"));

    [Theory]
    [InlineData("1", "MMC0000000000001")]
    [InlineData("214748364", "MMC0000214748364")]
    public void A_contract_reference_is_MMC_and_13_digits_made_from_the_external_id(string externalId, string reference) =>
        Assert.Equal(reference, AccountRules.ContractReferenceFor(externalId));

    [Fact]
    public void A_direct_debit_IBAN_is_stored_without_spaces_and_upper_cased()
    {
        var v = new Violations();
        var method = new PaymentMethod { Type = PaymentMethodTypes.DirectDebit, Details = new PaymentMethodDetails { Iban = "es79 2100 0813 6101 2345 6789" } };

        var normal = AccountRules.Normalize(method)!;
        AccountRules.PaymentMethod(v, normal, "payment_method", PaymentMethodTypes.Settable);

        Assert.False(v.Any);
        Assert.Equal("ES7921000813610123456789", normal.Details!.Iban);
        Assert.Equal("es79 2100 0813 6101 2345 6789", method.Details.Iban);
    }

    [Fact]
    public void A_reference_id_is_kept_as_a_lower_case_UUID()
    {
        var v = new Violations();
        var method = new PaymentMethod { Type = PaymentMethodTypes.CreditCard, Details = new PaymentMethodDetails { ReferenceId = "550E8400-E29B-41D4-A716-446655440000" } };

        var normal = AccountRules.Normalize(method)!;
        AccountRules.PaymentMethod(v, normal, "", PaymentMethodTypes.Settable);

        Assert.False(v.Any);
        Assert.Equal(Guid.Parse("550e8400-e29b-41d4-a716-446655440000"), AccountRules.PendingReference(normal));
        Assert.Equal("550e8400-e29b-41d4-a716-446655440000", normal.Details!.ReferenceId);
        Assert.Equal("550E8400-E29B-41D4-A716-446655440000", method.Details.ReferenceId);
    }
}
