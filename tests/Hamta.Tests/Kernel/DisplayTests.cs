using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Text;
using Hamta.Kernel.Time;

namespace Hamta.Tests.Kernel;

/// <summary>The one rule of ADR 28: Persian digits for what people count and date, identifiers as the service prints them.</summary>
public sealed class DisplayTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 9, 0, 5, TimeSpan.Zero);

    [Fact]
    public void Dates_and_times_are_in_persian_digits_kept_left_to_right_in_the_order_they_are_written()
    {
        Assert.Equal("\u2066۱۴۰۵/۰۹/۰۳ ۱۲:۳۰\u2069", Display.DateTime(Noon));
        Assert.Equal("\u2066۱۴۰۵/۰۹/۰۳\u2069", Display.Date(Noon));
        Assert.Equal("\u2066۱۴۰۵/۰۹/۰۳\u2069", Display.Day(new DateOnly(2026, 11, 24)));
        Assert.Equal("\u2066۱۲:۳۰:۰۵\u2069", Display.Time(Noon));
    }

    [Fact]
    public void Ticket_and_case_numbers_are_in_persian_digits_and_quantities_are_grouped()
    {
        Assert.Equal("۱۰۰۰۰۱", Display.Number(100_001));
        Assert.Equal("۵۰۰۰۰۲", Display.Digits("500002"));
        Assert.Equal("۱٬۲۳۴٬۵۶۷", Display.Count(1_234_567));
        Assert.Equal("۰", Display.Count(0));
    }

    [Theory]
    [InlineData(0.5, 0, "۵۰٪")]
    [InlineData(0.125, 2, "۱۲٫۵۰٪")]
    [InlineData(1, 0, "۱۰۰٪")]
    public void A_share_is_a_persian_percentage(double ratio, int decimals, string expected) =>
        Assert.Equal(expected, Display.Percent(ratio, decimals));

    [Fact]
    public void Identifiers_keep_their_latin_digits_and_are_isolated_left_to_right()
    {
        Assert.Equal("\u2066356938035643809\u2069", Display.Identifier("356938035643809"));
        Assert.Equal("\u20660935***4567\u2069", Display.Identifier(MobileNumber.Mask("09351234567")));
    }

    [Fact]
    public void Text_of_unknown_direction_is_isolated_by_its_first_strong_letter() =>
        Assert.Equal("\u2068Samsung Galaxy A54\u2069", Display.Isolate("Samsung Galaxy A54"));

    [Fact]
    public void A_date_copied_from_a_page_isolates_and_all_is_read_by_a_date_field()
    {
        Assert.True(JalaliDate.TryParseDay(Display.Date(Noon), out var day));
        Assert.Equal(new DateOnly(2026, 11, 24), day);
        Assert.Equal("356938035643809", DigitNormalizer.Normalize(Display.Identifier("356938035643809")));
    }
}
