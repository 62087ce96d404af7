using Customers.Grains.Validation;

namespace Customers.Tests.Validation;

public class IbanTests
{
    [Theory]
    [InlineData("ES7921000813610123456789")] // the page's direct-debit example
    [InlineData("es79 2100 0813 6101 2345 6789")]
    [InlineData("GB82WEST12345698765432")]
    [InlineData("DE89370400440532013000")]
    [InlineData("FR1420041010050500013M02606")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("PT50000201231234567890154")]
    [InlineData("NO9386011117947")]
    public void An_IBAN_of_a_registered_country_at_its_length_whose_mod_97_is_1_is_valid(string iban) => Assert.True(Iban.IsValid(Iban.Normalize(iban)));

    [Theory]
    [InlineData("ES7921000813610123456788")]
    [InlineData("ES792100081361012345678X")]
    [InlineData("7921000813610123456789ES")]
    [InlineData("ES79")]
    [InlineData("ES7921000813610123456789\n")] // only spaces are removed (§12: no trailing newline)
    [InlineData("\tES7921000813610123456789")]
    [InlineData("ES092100081361012345678")] // mod-97 holds, one digit short of Spain's 24 characters
    [InlineData("ES782100081361012345678A")] // mod-97 holds, a letter in Spain's all-digit BBAN
    [InlineData("ES59ABCDEFGHIJKLMNOPQRST")]
    [InlineData("XX4212345678901234")] // mod-97 holds, no registered country
    public void An_IBAN_failing_the_check_or_shape_is_invalid(string iban) => Assert.False(Iban.IsValid(Iban.Normalize(iban)));
}
