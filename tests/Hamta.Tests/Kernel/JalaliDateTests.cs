using Hamta.Kernel.Time;

namespace Hamta.Tests.Kernel;

public sealed class JalaliDateTests
{
    [Fact]
    public void Shows_the_shamsi_date_in_tehran_time() =>
        Assert.Equal("1405/09/03 12:30", JalaliDate.FormatDateTime(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Nowruz_starts_the_year() =>
        Assert.Equal("1405/01/01", JalaliDate.FormatDate(new DateTimeOffset(2026, 3, 21, 12, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Late_evening_utc_is_already_the_next_day_in_tehran() =>
        Assert.Equal("1405/09/04 00:30", JalaliDate.FormatDateTime(new DateTimeOffset(2026, 11, 24, 21, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("1405/09/03", 2026, 11, 24)]
    [InlineData("۱۴۰۵/۹/۳", 2026, 11, 24)]
    [InlineData("١٤٠٥-٠١-٠١", 2026, 3, 21)]
    [InlineData(" 1403.12.30 ", 2025, 3, 20)]
    public void Reads_a_typed_shamsi_day(string typed, int year, int month, int day)
    {
        Assert.True(JalaliDate.TryParseDay(typed, out var parsed));
        Assert.Equal(new DateOnly(year, month, day), parsed);
    }

    [Fact]
    public void Writes_a_day_as_shamsi_year_month_day() =>
        Assert.Equal("1405/09/03", JalaliDate.FormatDay(new DateOnly(2026, 11, 24)));

    [Theory]
    [InlineData("")]
    [InlineData("tomorrow")]
    [InlineData("1405/13/01")]
    [InlineData("1405/12/30")]
    [InlineData("1405/07/31")]
    [InlineData("05/09/03")]
    [InlineData("2026-11-24")]
    public void Refuses_what_is_not_a_shamsi_day(string typed) => Assert.False(JalaliDate.TryParseDay(typed, out _));
}
