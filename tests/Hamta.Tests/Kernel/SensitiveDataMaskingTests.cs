using Hamta.Host.Infrastructure;
using Serilog.Events;
using Serilog.Parsing;

namespace Hamta.Tests.Kernel;

public sealed class SensitiveDataMaskingTests
{
    [Theory]
    [InlineData("/login/code?mobile=09121234567", "/login/code?mobile=0912***4567")]
    [InlineData("sent to +989121234567", "sent to 0912***4567")]
    [InlineData("national id 0013542419 owns it", "national id 001****419 owns it")]
    [InlineData("IMEI 356938035643809 stays readable", "IMEI 356938035643809 stays readable")]
    public void Masks_numbers_and_ids_inside_text(string text, string expected) =>
        Assert.Equal(expected, SensitiveDataMasking.MaskText(text));

    [Fact]
    public void Hides_codes_and_passwords_entirely_and_masks_nested_values()
    {
        var logEvent = new LogEvent(DateTimeOffset.UnixEpoch, LogEventLevel.Information, null, new MessageTemplate([]),
        [
            new LogEventProperty("Code", new ScalarValue("482913")),
            new LogEventProperty("StatusCode", new ScalarValue(200)),
            new LogEventProperty("Command", new StructureValue([new LogEventProperty("Mobile", new ScalarValue("09121234567"))])),
        ]);

        new SensitiveDataMasking().Enrich(logEvent, null!);

        Assert.Equal("\"***\"", logEvent.Properties["Code"].ToString());
        Assert.Equal("200", logEvent.Properties["StatusCode"].ToString());
        Assert.Contains("0912***4567", logEvent.Properties["Command"].ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("09121234567", logEvent.Properties["Command"].ToString(), StringComparison.Ordinal);
    }
}
