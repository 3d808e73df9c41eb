using Hamta.Tests.Infrastructure;
using Hamta.Tests.Login;

namespace Hamta.Tests.Tickets;

/// <summary>Steps of the seed's ticket journey that tests share.</summary>
public abstract class TicketTest(HamtaFixture fixture) : LoginTest(fixture)
{
    /// <summary>The seed's case: the Samsung registered as …809 / …817 whose real second IMEI is …825.</summary>
    protected static Dictionary<string, string> SeedMismatch(string? description = "گوشی دو سیم‌کارته است و شناسه دوم اشتباه ثبت شده است.") => new()
    {
        ["CorrectImei1"] = Samsung,
        ["CorrectImei2"] = SamsungRealSecondImei,
        ["RegisteredImei1"] = Samsung,
        ["RegisteredImei2"] = SamsungSecondImei,
        ["Description"] = description ?? string.Empty,
    };

    protected const string MismatchForm = "/tickets/new/form?subject=ImeiMismatch";

    protected Task<PortalPage> FileMismatch(PortalClient browser, Dictionary<string, string>? fields = null) =>
        AndWaitForMessages(() => browser.SubmitAsync(MismatchForm, fields ?? SeedMismatch()));

    protected static long NumberFrom(PortalPage created) => long.Parse(created.Location!.Split('/', '?')[2], System.Globalization.CultureInfo.InvariantCulture);
}
