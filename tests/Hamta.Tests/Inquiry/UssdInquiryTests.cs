using Hamta.Devices.Contracts;
using Hamta.Enforcement.Contracts;
using Hamta.Host.Ussd;
using Hamta.Kernel.Identifiers;
using Hamta.Testing;
using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Inquiry;

/// <summary>The inquiry by USSD or SMS, as the aggregator calls it: its key, its limits, bad input, and answers that fit one SMS.</summary>
public sealed class UssdInquiryTests(HamtaFixture fixture) : IntegrationTest(fixture)
{
    private async Task<(int Status, string Reply, string? RetryAfter)> Dial(object? body, string? key = TestHost.GatewayKey, string? raw = null)
    {
        var answer = await MachineApi.PostAsync(Host, UssdApi.Path, UssdApi.KeyHeader, key, body, raw);
        return (answer.Status, answer.Body.GetProperty("reply").GetString()!, answer.Headers.RetryAfter.FirstOrDefault());
    }

    [Theory]
    [InlineData($"*7777*{Samsung}#")]
    [InlineData(Samsung)]
    [InlineData("*۷۷۷۷*۳۵۶۹۳۸۰۳۵۶۴۳۸۰۹#")]
    [InlineData(" 3569-3803-5643-809 ")]
    public async Task A_registered_imei_is_answered_legal_with_its_brand_and_model_in_one_sms(string text)
    {
        var (status, reply, _) = await Dial(new { msisdn = SampleMobile, text });

        Assert.Equal(200, status);
        Assert.Equal($"همتا: \u2066{Samsung}\u2069 مجاز است؛ \u2068Samsung Galaxy A54\u2069", reply);
    }

    [Fact]
    public async Task An_unregistered_imei_is_answered_illegal()
    {
        var (status, reply, _) = await Dial(new { msisdn = "+989121234567", text = $"*7777*{UnregisteredOtherTac}#" });

        Assert.Equal(200, status);
        Assert.Equal($"همتا: \u2066{UnregisteredOtherTac}\u2069 ثبت نشده و غیرمجاز است.", reply);
    }

    [Theory]
    [InlineData("*7777*3569380356438091#", "۱۵ رقم اول")]
    [InlineData("*7777*356938035643808#", "رقم کنترلی")]
    [InlineData("*7777#", "پانزده رقمی")]
    [InlineData("سلام", "پانزده رقمی")]
    [InlineData("\u0000\u202e*7777*1#", "پانزده رقمی")]
    public async Task A_text_without_a_valid_imei_gets_a_persian_hint(string text, string hint)
    {
        var (status, reply, _) = await Dial(new { msisdn = SampleMobile, text });

        Assert.Equal(200, status);
        Assert.Contains(hint, reply, StringComparison.Ordinal);
        Assert.True(reply.Length <= UssdTexts.MaxLength);
    }

    [Fact]
    public async Task Only_a_gateway_with_its_key_is_answered_and_bad_requests_get_a_persian_reason()
    {
        Assert.Equal(401, (await Dial(new { msisdn = SampleMobile, text = Samsung }, key: null)).Status);
        Assert.Equal(401, (await Dial(new { msisdn = SampleMobile, text = Samsung }, key: "wrong")).Status);

        var broken = await Dial(null, raw: "{\"msisdn\":");
        Assert.Equal((400, "بدنه درخواست JSON معتبر نیست."), (broken.Status, broken.Reply));
        var noNumber = await Dial(new { msisdn = "abc", text = Samsung });
        Assert.Equal((400, "شماره همراه فرستنده معتبر نیست."), (noNumber.Status, noNumber.Reply));
    }

    [Fact]
    public async Task Each_mobile_number_is_limited_and_told_when_to_ask_again()
    {
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(200, (await Dial(new { msisdn = "09127777001", text = Samsung })).Status);
        }

        var (status, reply, retryAfter) = await Dial(new { msisdn = "09127777001", text = Samsung });

        Assert.Equal(429, status);
        Assert.Contains("دقیقه دیگر", reply, StringComparison.Ordinal);
        Assert.True(int.Parse(retryAfter!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(200, (await Dial(new { msisdn = "09127777002", text = Samsung })).Status);
    }

    [Fact]
    public void A_long_brand_and_model_is_shortened_so_that_every_answer_fits_one_sms()
    {
        var inquiry = new ImeiInquiry(true, "Samsung Electronics Co., Ltd.", "Galaxy Z Fold7 Enterprise Edition 5G Dual SIM");

        var reply = UssdTexts.Answer(Samsung, inquiry, []);

        Assert.Equal(UssdTexts.MaxLength, reply.Length);
        Assert.EndsWith("…\u2069", reply, StringComparison.Ordinal);
        Assert.True(UssdTexts.Answer(Samsung, new ImeiInquiry(false), []).Length <= UssdTexts.MaxLength);
        Assert.True(UssdTexts.Answer(Samsung, new ImeiInquiry(true, Blocked: true), []).Length <= UssdTexts.MaxLength);
        var warned = new ImeiEnforcementState(Samsung, "non-owner-sim", "سیم‌کارت غیرمالک", true, new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.Zero), false);
        Assert.True(UssdTexts.Answer(Samsung, inquiry, [warned]).Length <= UssdTexts.MaxLength);
        Assert.True(UssdTexts.TooMany(TimeSpan.FromMinutes(59)).Length <= UssdTexts.MaxLength);
        Assert.All(Enum.GetValues<ImeiProblem>(), problem => Assert.True(UssdTexts.Invalid(problem).Length <= UssdTexts.MaxLength));
    }
}
