using Customers.Grains.Validation;

namespace Customers.Tests.Validation;

public class TextTests
{
    [Theory]
    [InlineData("abc", 3)]
    [InlineData("\U0001F600\U0001F600", 2)] // two emoji, four UTF-16 units
    [InlineData("a\U00020000b", 3)] // a CJK ideograph outside the basic plane
    public void Characters_are_code_points(string value, int expected) => Assert.Equal(expected, Text.Characters(value));

    [Theory]
    [InlineData("abcdef", 3, "abc")]
    [InlineData("ab", 3, "ab")]
    [InlineData("ab\U0001F600cd", 3, "ab\U0001F600")]
    [InlineData("\U0001F600\U0001F600\U0001F600", 2, "\U0001F600\U0001F600")]
    public void A_cut_keeps_whole_characters(string value, int max, string expected) => Assert.Equal(expected, Text.Cut(value, max));
}
