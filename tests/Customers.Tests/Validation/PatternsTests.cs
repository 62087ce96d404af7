using Customers.Grains.Validation;

namespace Customers.Tests.Validation;

public class PatternsTests
{
    [Theory]
    [InlineData("01000", true)]
    [InlineData("28039", true)]
    [InlineData("52999", true)]
    [InlineData("00999", false)] // 00xxx is no Spanish postal code
    [InlineData("53000", false)]
    [InlineData("01234junk", false)] // the page's pattern lets this through
    [InlineData("junk52999", false)]
    [InlineData("2803", false)]
    [InlineData("28039\n", false)] // $ would match before a final newline
    [InlineData("\u0662\u0668\u0660\u0663\u0669", false)] // Arabic-Indic digits are \d, not 0-9
    public void Postal_codes_are_Spanish_01000_to_52999(string code, bool valid) =>
        Assert.Equal(valid, Patterns.SpanishPostalCode().IsMatch(code));

    [Theory]
    [InlineData("email@example.com", true)]
    [InlineData("first.last+tag@sub.example.es", true)]
    [InlineData("no-at-sign.example.com", false)]
    [InlineData("two@@example.com", false)]
    [InlineData("spaces in@example.com", false)]
    [InlineData("nodot@example", false)]
    public void E_mails_must_be_addresses(string email, bool valid) => Assert.Equal(valid, Patterns.IsEmail(email));

    [Theory]
    [InlineData("+34", true)]
    [InlineData("+1", true)]
    [InlineData("+999", false)]
    [InlineData("34", false)]
    [InlineData("+034", false)]
    [InlineData("+01", false)]
    public void Calling_codes_must_be_assigned(string code, bool valid) => Assert.Equal(valid, Patterns.IsAssignedCallingCode(code));

    [Theory]
    [InlineData("gold\n")]
    [InlineData("gold\r\n")]
    public void Catalogue_values_do_not_match_with_a_trailing_newline(string value) =>
        Assert.DoesNotMatch(Patterns.CatalogValue(), value);

    [Theory]
    [InlineData("alice\u200B@example.com", true)]
    [InlineData("alice\u00A0@example.com", true)]
    [InlineData("ali\u0000ce@example.com", true)]
    [InlineData("tag\U000E0001q@example.com", true)]
    [InlineData("jose\u0301@example.com", false)]
    [InlineData("\U0001F600@example.com", false)]
    [InlineData("alice@example.com", false)]
    public void Invisible_and_space_characters_are_found(string value, bool found) =>
        Assert.Equal(found, Text.HasInvisibleOrSpace(value));
}
