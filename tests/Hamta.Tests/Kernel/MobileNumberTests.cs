using Hamta.Kernel.Identifiers;

namespace Hamta.Tests.Kernel;

public sealed class MobileNumberTests
{
    [Theory]
    [InlineData("09121234567")]
    [InlineData("9121234567")]
    [InlineData("+989121234567")]
    [InlineData("00989121234567")]
    [InlineData("989121234567")]
    [InlineData("۰۹۱۲-۱۲۳-۴۵۶۷")]
    public void Every_accepted_form_becomes_the_one_canonical_number(string input)
    {
        Assert.True(MobileNumber.TryNormalize(input, out var canonical));
        Assert.Equal("09121234567", canonical);
    }

    [Theory]
    [InlineData("0912123456")]
    [InlineData("091212345678")]
    [InlineData("02112345678")]
    [InlineData("0912abc4567")]
    [InlineData("")]
    public void Anything_else_is_refused(string input) => Assert.False(MobileNumber.TryNormalize(input, out _));

    [Fact]
    public void Masks_the_middle_digits() => Assert.Equal("0912***4567", MobileNumber.Mask("09121234567"));
}
