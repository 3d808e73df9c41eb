using Hamta.Kernel.Identifiers;

namespace Hamta.Tests.Kernel;

public sealed class ImeiTests
{
    [Theory]
    [InlineData("356938035643809")]
    [InlineData("356938035643817")]
    [InlineData("356938035643825")]
    [InlineData("353325101234569")]
    [InlineData("867543041122335")]
    [InlineData("۳۵۶۹۳۸۰۳۵۶۴۳۸۰۹")]
    [InlineData("35-693803-564380-9")]
    public void Accepts_fifteen_digits_with_a_right_luhn_check_digit(string input) =>
        Assert.Equal(ImeiProblem.None, Imei.Check(input, out _));

    [Theory]
    [InlineData("356938035643808", ImeiProblem.WrongCheckDigit)]
    [InlineData("35693803564380", ImeiProblem.WrongLength)]
    [InlineData("3569380356438091", ImeiProblem.LooksLikeImeisv)]
    [InlineData("35693803564380a", ImeiProblem.NotDigits)]
    [InlineData(" ", ImeiProblem.Empty)]
    public void Says_what_is_wrong(string input, ImeiProblem problem) => Assert.Equal(problem, Imei.Check(input, out _));

    [Fact]
    public void The_tac_is_the_first_eight_digits() => Assert.Equal("35693803", Imei.TacOf("356938035643809"));
}
