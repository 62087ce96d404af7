using Customers.Grains.Validation;

namespace Customers.Tests.Validation;

public class SpanishDocumentsTests
{
    [Theory]
    [InlineData("14861628V")] // the page's private-customer example
    [InlineData("12345678Z")] // the page's associated-user example
    [InlineData("07687697Q")] // the page's convert-nie-to-nif example
    [InlineData("00000000T")]
    public void A_NIF_with_its_control_letter_is_valid(string nif) => Assert.True(SpanishDocuments.IsValidNif(nif));

    [Theory]
    [InlineData("12345678A")] // the page's search example, which must find nothing rather than pass a check
    [InlineData("1234567Z")]
    [InlineData("123456789")]
    [InlineData("X1234567L")]
    public void A_NIF_with_a_wrong_control_letter_or_shape_is_invalid(string nif) => Assert.False(SpanishDocuments.IsValidNif(nif));

    [Theory]
    [InlineData("X1234567L")]
    [InlineData("Y1234567X")]
    [InlineData("Z1234567R")]
    public void A_NIE_is_checked_as_a_NIF_with_its_prefix_replaced(string nie) => Assert.True(SpanishDocuments.IsValidNie(nie));

    [Theory]
    [InlineData("X1234567A")]
    [InlineData("A1234567L")]
    [InlineData("X123456L")]
    public void A_NIE_with_a_wrong_letter_or_prefix_is_invalid(string nie) => Assert.False(SpanishDocuments.IsValidNie(nie));

    [Theory]
    [InlineData("B12345674")] // company: digit control
    [InlineData("A58818501")]
    [InlineData("P1234567D")] // public body: letter control
    [InlineData("Q2826000H")]
    public void A_CIF_with_its_control_character_is_valid(string cif) => Assert.True(SpanishDocuments.IsValidCif(cif));

    [Theory]
    [InlineData("B12345675")]
    [InlineData("P12345674")] // public bodies must use the letter
    [InlineData("B1234567D")] // companies must use the digit
    [InlineData("I12345674")]
    [InlineData("B1234567")]
    public void A_CIF_with_a_wrong_control_or_organisation_letter_is_invalid(string cif) => Assert.False(SpanishDocuments.IsValidCif(cif));

    [Theory]
    [InlineData("AB123", true)]
    [InlineData("ABCDEFGHIJ1234567890", true)]
    [InlineData("AB12", false)]
    [InlineData("ABCDEFGHIJ12345678901", false)]
    [InlineData("AB-123", false)]
    public void A_passport_is_5_to_20_alphanumerics(string number, bool valid) => Assert.Equal(valid, SpanishDocuments.IsValidPassport(number));

    [Fact]
    public void Numbers_are_trimmed_and_upper_cased_before_checking() =>
        Assert.True(SpanishDocuments.IsValidNif(SpanishDocuments.Normalize(" 14861628v ")));
}
