using Hamta.Tickets.Contracts;

namespace Hamta.Host.Pages.Tickets;

public sealed record HelpQuestion(string Key, IReadOnlyList<string> Answers);

/// <summary>«کمک در انتخاب مشکل»: a few questions that point to the right subject.</summary>
public static class HelpQuestionnaire
{
    public const string Sms = "sms";
    public const string Used = "used";
    public const string Repaired = "repaired";
    public const string DualSim = "dualsim";
    public const string Differs = "differs";

    /// <summary>Sent with the questionnaire, so that a submission with no answer is told apart from a first visit.</summary>
    public const string Asked = "ask";

    public static readonly IReadOnlyList<HelpQuestion> Questions =
    [
        new(Sms, ["none", "illegal", "transfer", "code"]),
        new(Used, ["yes", "no"]),
        new(Repaired, ["yes", "no"]),
        new(DualSim, ["yes", "no"]),
        new(Differs, ["yes", "no"]),
    ];

    public static TicketSubject Suggest(IReadOnlyDictionary<string, string> answers)
    {
        bool Yes(string key) => answers.GetValueOrDefault(key) == "yes";
        return answers.GetValueOrDefault(Sms) switch
        {
            "illegal" => TicketSubject.IllegalDeviceWarning,
            "transfer" => TicketSubject.TransferWarning,
            "code" => TicketSubject.ActivationCodeProblem,
            _ when Yes(Repaired) => TicketSubject.RepairImeiChanged,
            _ when Yes(DualSim) && Yes(Differs) => TicketSubject.ImeiMismatch,
            _ when Yes(Used) => TicketSubject.PreviousOwnerUnreachable,
            _ => TicketSubject.Other,
        };
    }
}
