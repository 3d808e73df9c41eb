using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Tickets;

/// <summary>«کمک در انتخاب مشکل» points to the right subject.</summary>
public sealed class QuestionnaireTests(HamtaFixture fixture) : TicketTest(fixture)
{
    [Theory]
    [InlineData("sms=none&used=no&repaired=no&dualsim=yes&differs=yes", "ImeiMismatch")]
    [InlineData("sms=illegal&used=no&repaired=no&dualsim=no&differs=no", "IllegalDeviceWarning")]
    [InlineData("sms=transfer&used=yes&repaired=no&dualsim=no&differs=no", "TransferWarning")]
    [InlineData("sms=code&used=no&repaired=no&dualsim=no&differs=no", "ActivationCodeProblem")]
    [InlineData("sms=none&used=no&repaired=yes&dualsim=yes&differs=yes", "RepairImeiChanged")]
    [InlineData("sms=none&used=yes&repaired=no&dualsim=no&differs=no", "PreviousOwnerUnreachable")]
    [InlineData("sms=none&used=no&repaired=no&dualsim=no&differs=no", "Other")]
    public async Task The_answers_suggest_a_subject_that_can_be_chosen(string answers, string subject)
    {
        var browser = await SignedInSubscriber();

        var page = await browser.GetAsync($"/tickets/new?{answers}");

        var choose = page.Document.QuerySelector("#help-result a")!;
        Assert.Equal($"/tickets/new?subject={subject}", choose.GetAttribute("href"));
        var chosen = await browser.GetAsync(choose.GetAttribute("href")!);
        Assert.Equal(subject, chosen.Document.QuerySelector("#subject option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_questionnaire_sent_without_an_answer_says_so_instead_of_doing_nothing()
    {
        var browser = await SignedInSubscriber();

        var empty = await browser.GetAsync("/tickets/new?ask=1");
        var firstVisit = await browser.GetAsync("/tickets/new");

        Assert.Contains("به هیچ پرسشی پاسخ نداده‌اید", empty.Document.QuerySelector("#help-result")!.TextContent, StringComparison.Ordinal);
        Assert.Null(empty.Document.QuerySelector("#help-result a"));
        Assert.Null(firstVisit.Document.QuerySelector("#help-result"));
        Assert.NotNull(firstVisit.Document.QuerySelector("form[action='/tickets/new#help-result'] input[type=hidden][name=ask]"));
    }
}
