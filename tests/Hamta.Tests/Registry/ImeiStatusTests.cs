using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Registry;

public sealed class ImeiStatusTests(HamtaFixture fixture) : RegistryTest(fixture)
{
    [Fact]
    public async Task An_owned_device_shows_its_model_and_state_but_no_owner_number()
    {
        var status = await StatusOf(await SignedInSubscriber(), Samsung);

        Assert.Contains("Samsung Galaxy A54", status, StringComparison.Ordinal);
        Assert.Contains("تحت مالکیت قطعی", status, StringComparison.Ordinal);
        Assert.DoesNotContain("آخرین مالک", status, StringComparison.Ordinal);
        Assert.DoesNotContain("4567", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_subscribers_device_does_not_reveal_their_number()
    {
        var status = await StatusOf(await SignedInSubscriber(), Xiaomi);

        Assert.Contains("تحت مالکیت قطعی", status, StringComparison.Ordinal);
        Assert.DoesNotContain("آخرین مالک", status, StringComparison.Ordinal);
        Assert.DoesNotContain("0935", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_boxed_device_awaits_activation_with_no_last_owner()
    {
        var status = await StatusOf(await SignedInSubscriber(), BoxedNokia);

        Assert.Contains("Nokia 105", status, StringComparison.Ordinal);
        Assert.Contains("در انتظار فعال‌سازی", status, StringComparison.Ordinal);
        Assert.DoesNotContain("آخرین مالک", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_transfer_the_previous_owner_stays_hidden_because_someone_owns_the_device()
    {
        var seller = await SignedInSubscriber();
        var code = await TransferCodeFor(seller, Nokia);
        var buyer = await SignedInSubscriber(SecondUserSim);
        Assert.Contains("منتقل شد", (await Activate(buyer, Nokia, SecondUserSim, code)).Text, StringComparison.Ordinal);

        var status = await StatusOf(buyer, Nokia);

        Assert.Contains("تحت مالکیت قطعی", status, StringComparison.Ordinal);
        Assert.DoesNotContain("0912***4567", status, StringComparison.Ordinal);
        Assert.DoesNotContain("آخرین مالک", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undeclared_imei_is_not_registered()
    {
        var status = await StatusOf(await SignedInSubscriber(), Unregistered);

        Assert.Contains("ثبت نشده", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Persian_digits_are_accepted()
    {
        var status = await StatusOf(await SignedInSubscriber(), Persian(Samsung));

        Assert.Contains(Samsung, status, StringComparison.Ordinal);
        Assert.Contains("تحت مالکیت قطعی", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_imei_is_refused_beside_its_field()
    {
        var page = await (await SignedInSubscriber()).GetAsync("/imei-status?imei=356938035643808");

        Assert.Equal(200, page.Status);
        Assert.Contains("رقم کنترلی", page.ErrorFor("imei"), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#status-result"));
    }

    [Fact]
    public async Task A_very_long_input_is_refused_without_an_error_page()
    {
        var page = await (await SignedInSubscriber()).GetAsync($"/imei-status?imei={new string('7', 4000)}");

        Assert.Equal(200, page.Status);
        Assert.Contains("۱۵ رقم", page.ErrorFor("imei"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login()
    {
        var page = await NewBrowser().GetAsync($"/imei-status?imei={Samsung}");

        Assert.Equal(302, page.Status);
        Assert.Contains("/login", page.Location, StringComparison.Ordinal);
    }
}
