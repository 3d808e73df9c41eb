using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Tickets;

/// <summary>Every refusal of the IMEI-mismatch form: a Persian message beside the field, and no ticket.</summary>
public sealed class MismatchRefusalTests(HamtaFixture fixture) : TicketTest(fixture)
{
    private async Task AssertRefused(Dictionary<string, string> fields, string field, string message)
    {
        var browser = await SignedInSubscriber();

        var page = await browser.SubmitAsync(MismatchForm, fields);

        Assert.Equal(200, page.Status);
        Assert.Contains(message, page.ErrorFor(field), StringComparison.Ordinal);
        Assert.Equal("true", page.Document.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
        Assert.NotNull(page.Document.QuerySelector("#error-summary"));
        Assert.Contains("موردی یافت نشد", (await browser.GetAsync("/tickets")).Text, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> With(string field, string value)
    {
        var fields = SeedMismatch();
        fields[field] = value;
        return fields;
    }

    [Theory]
    [InlineData("CorrectImei2", "35693803564382", "۱۵ رقم")]
    [InlineData("CorrectImei2", "356938035643826", "رقم کنترلی")]
    [InlineData("CorrectImei1", "۳۵۶۹۳۸۰۳۵۶۴۳۸۰۸", "رقم کنترلی")]
    [InlineData("RegisteredImei2", "3569380356438171", "*#06#")]
    [InlineData("RegisteredImei1", "", "وارد کنید")]
    public async Task A_malformed_imei_is_refused_beside_its_field(string field, string value, string message) =>
        await AssertRefused(With(field, value), field.ToLowerInvariant(), message);

    [Fact]
    public async Task A_registered_pair_that_is_not_one_of_my_devices_is_refused()
    {
        var fields = With("RegisteredImei1", Xiaomi);
        fields["RegisteredImei2"] = XiaomiSecondImei;
        fields["CorrectImei1"] = Xiaomi;

        await AssertRefused(fields, "registeredimei1", "هیچ‌یک از دستگاه‌های تحت مالکیت شما نیستند");
    }

    [Fact]
    public async Task Correct_imeis_equal_to_the_registered_ones_are_refused() =>
        await AssertRefused(With("CorrectImei2", SamsungSecondImei), "correctimei2", "مغایرتی برای اصلاح وجود ندارد");

    [Fact]
    public async Task A_different_first_imei_is_refused_because_only_the_second_can_be_corrected() =>
        await AssertRefused(With("CorrectImei1", Unregistered), "correctimei1", "فقط شناسه دوم قابل اصلاح است");

    [Fact]
    public async Task A_correct_imei_that_belongs_to_another_device_is_refused() =>
        await AssertRefused(With("CorrectImei2", XiaomiSecondImei), "correctimei2", "به دستگاه دیگری تعلق دارد");

    [Fact]
    public async Task An_empty_description_is_refused() =>
        await AssertRefused(SeedMismatch(description: null), "description", "شرح درخواست را بنویسید");

    [Fact]
    public async Task Persian_and_arabic_digits_are_accepted()
    {
        var browser = await SignedInSubscriber();
        var fields = SeedMismatch();
        fields["CorrectImei2"] = "۳۵۶۹۳۸۰۳۵۶۴۳۸۲۵";
        fields["RegisteredImei2"] = "٣٥٦٩٣٨٠٣٥٦٤٣٨١٧";

        var created = await FileMismatch(browser, fields);

        Assert.StartsWith("/tickets/", created.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_open_ticket_for_the_same_device_shows_the_first_instead()
    {
        var browser = await SignedInSubscriber();
        var first = NumberFrom(await FileMismatch(browser));

        var again = await browser.SubmitAsync(MismatchForm, SeedMismatch());

        Assert.Equal(200, again.Status);
        Assert.NotNull(again.Document.QuerySelector($"#existing-ticket a[href='/tickets/{first}']"));
        Assert.Single((await browser.GetAsync("/tickets")).Document.QuerySelectorAll("#my-tickets tbody tr"));
    }

    [Fact]
    public async Task A_forged_subject_sends_the_subscriber_back_to_choosing_one()
    {
        var browser = await SignedInSubscriber();
        var fields = SeedMismatch();
        fields["subject"] = "Bribe";

        var page = await browser.SubmitAsync(MismatchForm, fields, "/tickets/new/form?subject=Bribe");

        Assert.Equal(302, page.Status);
        Assert.Contains("موردی یافت نشد", (await browser.GetAsync("/tickets")).Text, StringComparison.Ordinal);
    }
}
