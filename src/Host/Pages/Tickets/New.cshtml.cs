using Hamta.Tickets.Contracts;
using Microsoft.Extensions.Localization;

namespace Hamta.Host.Pages.Tickets;

/// <summary>«ثبت تیکت»: the «توجه» box, the subject and its «راهنما», and «کمک در انتخاب مشکل».</summary>
public sealed class NewTicketModel(IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    public IReadOnlyList<SubjectForm> Subjects => TicketSubjectCatalog.All;

    public TicketSubject Subject { get; private set; } = TicketSubject.ImeiMismatch;

    public IReadOnlyDictionary<string, string> Answers { get; private set; } = new Dictionary<string, string>();

    public TicketSubject? Suggestion { get; private set; }

    /// <summary>The questionnaire was submitted without a single answer.</summary>
    public bool NothingAnswered { get; private set; }

    /// <summary>The device the subscriber came from («مدیریت دستگاه ها»), carried to the form.</summary>
    public string? Imei { get; private set; }

    public void OnGet(TicketSubject? subject, string? imei)
    {
        Imei = Hamta.Kernel.Identifiers.Imei.Check(imei, out var checkedImei) == Hamta.Kernel.Identifiers.ImeiProblem.None ? checkedImei : null;
        Subject = subject ?? TicketSubject.ImeiMismatch;
        Answers = HelpQuestionnaire.Questions
            .Where(q => Request.Query.ContainsKey(q.Key))
            .ToDictionary(q => q.Key, q => Request.Query[q.Key].ToString());
        Suggestion = Answers.Count == 0 ? null : HelpQuestionnaire.Suggest(Answers);
        NothingAnswered = Answers.Count == 0 && Request.Query.ContainsKey(HelpQuestionnaire.Asked);
    }
}
