using Hamta.Tickets.Contracts;

namespace Hamta.Tickets;

/// <summary>The SMS the Tickets module sends; each names the ticket number.</summary>
internal static class TicketsTexts
{
    public static string Opened(long number, bool awaitingEvidence) => awaitingEvidence
        ? $"همتا\nتیکت {number} ثبت شد. پس از رؤیت گوشی در شبکه با هر دو IMEI درست، درخواست شما خودکار بررسی می‌شود."
        : $"همتا\nتیکت {number} ثبت شد. نتیجه بررسی را در بخش «ثبت و پیگیری مشکلات» ببینید.";

    public static string? After(TicketAction action, long number) => action switch
    {
        TicketAction.Reply => $"همتا\nبه تیکت {number} پاسخ داده شد. پاسخ را در بخش «ثبت و پیگیری مشکلات» ببینید.",
        TicketAction.RequestInformation => $"همتا\nبرای بررسی تیکت {number} اطلاعات تکمیلی لازم است. لطفا در بخش «ثبت و پیگیری مشکلات» پاسخ دهید.",
        TicketAction.Resolve => $"همتا\nتیکت {number} رفع شد.",
        TicketAction.Reject => $"همتا\nتیکت {number} رد شد. دلیل را در بخش «ثبت و پیگیری مشکلات» ببینید.",
        _ => null,
    };
}
