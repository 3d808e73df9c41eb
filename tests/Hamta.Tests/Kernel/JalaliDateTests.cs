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
}
