using Hamta.Devices.Contracts;
using Hamta.Kernel.Text;
using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Registry;

public sealed class TravellerTests(HamtaFixture fixture) : RegistryTest(fixture)
{
    private const string IPhone = "356938035643841";
    private const string CustomsCode = "739154";

    private async Task DeclareAtCustoms(string imei, string nationalId, string sim, bool feePaid, string? activationCode = null)
    {
        var result = await Ask<DeclarationResult>(new DeclareDevice([imei], "Apple", "iPhone 15", ImportType.Traveller, "گمرک امام خمینی",
            activationCode, new TravellerDeclaration(nationalId, sim, feePaid, Clock.GetUtcNow())));
        Assert.Equal(DeclarationOutcome.Declared, result.Outcome);
    }

    private static async Task<string?> RegistrationRow(PortalClient browser)
    {
        var page = await browser.GetAsync("/traveller");
        Assert.Equal(200, page.Status);
        return page.Document.QuerySelector("main tbody tr")?.TextContent;
    }

    [Fact]
    public async Task A_second_device_of_the_same_traveller_within_a_year_is_refused_at_customs()
    {
        await DeclareAtCustoms(IPhone, SampleNationalId, SampleMobile, feePaid: false);
        Clock.Advance(TimeSpan.FromDays(200));

        var second = await Ask<DeclarationResult>(new DeclareDevice([UnregisteredOtherTac], "Apple", "iPhone 16", ImportType.Traveller, "گمرک بازرگان",
            Traveller: new TravellerDeclaration(SampleNationalId, SampleMobile, false, Clock.GetUtcNow())));

        Assert.Equal(new DeclarationResult(DeclarationOutcome.TravellerDeclaredThisYear, Field: "traveller_national_id"), second);
        Assert.False((await Ask<ImeiInquiry>(new InquireImei(UnregisteredOtherTac))).Registered);
    }

    [Fact]
    public async Task Without_a_customs_registration_the_page_says_so()
    {
        var page = await (await SignedInSubscriber()).GetAsync("/traveller");

        Assert.Contains("ثبت مسافری به نام شما وجود ندارد", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unpaid_registration_awaits_the_fee()
    {
        await DeclareAtCustoms(IPhone, SampleNationalId, SampleMobile, feePaid: false);

        var row = await RegistrationRow(await SignedInSubscriber());

        Assert.All([IPhone, "Apple iPhone 15", SampleMobile, "در انتظار پرداخت عوارض", Display.Date(Clock.GetUtcNow())],
            text => Assert.Contains(text, row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_paid_registration_awaits_activation()
    {
        await DeclareAtCustoms(IPhone, SampleNationalId, SampleMobile, feePaid: true);

        Assert.Contains("عوارض پرداخت شده؛ در انتظار فعال‌سازی", await RegistrationRow(await SignedInSubscriber()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_activated_with_the_customs_code_the_registration_is_done_and_the_device_is_mine()
    {
        await DeclareAtCustoms(IPhone, SampleNationalId, SampleMobile, feePaid: true, CustomsCode);
        var browser = await SignedInSubscriber();

        Assert.Contains("فعال شد", (await Activate(browser, IPhone, SampleMobile, CustomsCode)).Text, StringComparison.Ordinal);

        Assert.Contains("فعال شده", await RegistrationRow(browser), StringComparison.Ordinal);
        Assert.Contains(IPhone, await MyImeis(browser));
    }

    [Fact]
    public async Task A_registration_is_shown_only_to_the_traveller_who_brought_the_device()
    {
        await DeclareAtCustoms(IPhone, SecondUserNationalId, SecondUserSim, feePaid: false);

        Assert.Null(await RegistrationRow(await SignedInSubscriber()));
        Assert.Contains(IPhone, await RegistrationRow(await SignedInSubscriber(SecondUserSim)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_inquiry_names_customs_and_the_traveller_import_type()
    {
        await DeclareAtCustoms(IPhone, SampleNationalId, SampleMobile, feePaid: false);

        var answer = await InquiryAbout(IPhone);

        Assert.True(SaysRegistered(answer));
        Assert.Contains("گمرک امام خمینی", answer, StringComparison.Ordinal);
        Assert.Contains("مسافری", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleNationalId, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login()
    {
        var page = await NewBrowser().GetAsync("/traveller");

        Assert.Equal(302, page.Status);
        Assert.Contains("/login", page.Location, StringComparison.Ordinal);
    }
}
