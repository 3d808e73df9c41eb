using Hamta.Kernel.Text;

namespace Hamta.Tests.Kernel;

public sealed class DigitNormalizerTests
{
    [Theory]
    [InlineData("۰۹۱۲۱۲۳۴۵۶۷", "09121234567")]
    [InlineData("٠٩١٢١٢٣٤٥٦٧", "09121234567")]
    [InlineData("0912 123-4567", "09121234567")]
    [InlineData("\u200e۳۵۶۹۳۸\u200f ۰۳۵۶۴۳۸۰۹\u202c", "356938035643809")]
    [InlineData("۴۸۲\u200c۹۱۳", "482913")]
    [InlineData("+98 912 123 4567", "+989121234567")]
    [InlineData("0912\u0000123\u00074567\u007f", "09121234567")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Turns_any_digit_script_and_pasted_separators_into_plain_digits(string? input, string expected) =>
        Assert.Equal(expected, DigitNormalizer.Normalize(input));

    [Fact]
    public void Keeps_letters_so_that_validation_can_refuse_them() =>
        Assert.Equal("09a2", DigitNormalizer.Normalize("۰۹a۲"));

    [Fact]
    public void Keeps_whole_characters_outside_the_basic_plane() =>
        Assert.Equal("12\U0001F600", DigitNormalizer.Normalize("۱۲\U0001F600"));

    [Fact]
    public void Drops_halves_of_surrogate_pairs() =>
        Assert.Equal("09121234567", DigitNormalizer.Normalize("09\ud800121234567\udc00"));
}
