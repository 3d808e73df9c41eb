using Hamta.Kernel.Identifiers;

namespace Hamta.Tests.Kernel;

public sealed class NationalIdTests
{
    [Theory]
    [InlineData("0013542419")]
    [InlineData("4481234563")]
    [InlineData("۰۰۱۳۵۴۲۴۱۹")]
    public void Accepts_ids_whose_check_digit_is_right(string input) => Assert.True(NationalId.TryNormalize(input, out _));

    [Theory]
    [InlineData("0013542418")]
    [InlineData("1111111111")]
    [InlineData("0000000000")]
    [InlineData("001354241")]
    [InlineData("00135424190")]
    public void Refuses_wrong_check_digits_repeated_digits_and_wrong_lengths(string input) =>
        Assert.False(NationalId.TryNormalize(input, out _));
}
