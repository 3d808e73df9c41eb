using Hamta.Tests.Infrastructure;
using Hamta.Tests.Login;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hamta.Tests.Security;

public sealed partial class LogMaskingTests(HamtaFixture fixture) : LoginTest(fixture)
{
    [Fact]
    public void Mobile_numbers_and_codes_in_exception_texts_and_message_bodies_never_reach_a_sink()
    {
        var before = HamtaFixture.Logs.Count;
        var logger = Host.Services.GetRequiredService<ILogger<LogMaskingTests>>();

        FailedToHandle(
            logger,
            new InvalidOperationException("LoginChallenge #09121234567 was changed meanwhile",
                new ArgumentException("VerifyLoginCode { Mobile = 09121234567, Code = 202020 } and {\"code\":\"303030\",\"password\":\"pw-1405\"}")),
            "VerifyLoginCode { Mobile = +989121234567, Code = 404040 }");

        var written = HamtaFixture.Logs.Since(before);
        Assert.Contains("0912***4567", written, StringComparison.Ordinal);
        foreach (var secret in new[] { SampleMobile, "9121234567", "202020", "303030", "404040", "pw-1405" })
        {
            Assert.DoesNotContain(secret, written, StringComparison.Ordinal);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed to handle {Envelope}")]
    private static partial void FailedToHandle(ILogger logger, Exception exception, string envelope);
}
