using Hamta.Devices.Contracts;
using Hamta.Kernel.Text;
using Hamta.Tickets.Contracts;

namespace Hamta.Tickets;

/// <summary>The SMS the Tickets module sends; each names the ticket number.</summary>
internal static class TicketsTexts
{
    public static string Opened(long number, bool awaitingEvidence) => awaitingEvidence
        ? $"همتا\nتیکت {Display.Number(number)} ثبت شد. پس از رؤیت گوشی در شبکه با هر دو IMEI درست، درخواست شما خودکار بررسی می‌شود."
        : $"همتا\nتیکت {Display.Number(number)} ثبت شد. نتیجه بررسی را در بخش «ثبت و پیگیری مشکلات» ببینید.";

    public static string AutomaticallyResolved(string wrongImei, string correctImei) =>
        $"سامانه هوشمند شناسایی و رفع مشکل: دستگاه شما با هر دو IMEI درست در شبکه رؤیت شد و شناسه دوم در همتا از {Display.Identifier(wrongImei)} به {Display.Identifier(correctImei)} اصلاح شد.";

    public static string Corrected(long number, string wrongImei, string correctImei) =>
        $"همتا\nتیکت {Display.Number(number)} رفع شد: شناسه دوم دستگاه شما در همتا از {Display.Identifier(wrongImei)} به {Display.Identifier(correctImei)} اصلاح شد.";

    /// <summary>Why the registry did not correct the IMEI, on the ticket's timeline for the subscriber and the agent who takes it over.</summary>
    public static string CorrectionRefused(ImeiCorrectionOutcome outcome) => outcome switch
    {
        ImeiCorrectionOutcome.OwnerChanged => "همتا شناسه را اصلاح نکرد: مالک دستگاه دیگر صاحب این تیکت نیست. ادامه بررسی با کارشناس است.",
        ImeiCorrectionOutcome.WrongImeiGone => "همتا شناسه را اصلاح نکرد: شناسه اشتباه دیگر روی دستگاه ثبت نیست (پیش‌تر اصلاح یا تعویض شده است). ادامه بررسی با کارشناس است.",
        ImeiCorrectionOutcome.CorrectImeiTaken => "همتا شناسه را اصلاح نکرد: شناسه درست به نام دستگاه دیگری ثبت است. ادامه بررسی با کارشناس است.",
        _ => "همتا شناسه را اصلاح نکرد: دستگاه در همتا پیدا نشد. ادامه بررسی با کارشناس است.",
    };

    public static string Rejected(long number) =>
        $"همتا\nتیکت {Display.Number(number)} رد شد: دستگاه در مهلت مقرر با هر دو IMEI درست در شبکه رؤیت نشد. سیم‌کارت را در هر دو شکاف قرار دهید، گوشی را روشن کنید و دوباره درخواست ثبت کنید.";

    public const string NoEvidenceReason =
        "دستگاه در مهلت مقرر با هر دو IMEI درست در شبکه رؤیت نشد. لطفا سیم‌کارت را یک‌بار در شکاف اول و یک‌بار در شکاف دوم قرار دهید، هر بار گوشی را روشن کنید تا آنتن بگیرد، سپس دوباره درخواست ثبت کنید.";

    public static string AutoClosed(long number) => $"همتا\nتیکت {Display.Number(number)} بسته شد.";

    public static string Reminder(long number) =>
        $"همتا\nبرای ادامه بررسی تیکت {Display.Number(number)} به پاسخ شما نیاز است. لطفا در بخش «ثبت و پیگیری مشکلات» پاسخ دهید؛ در غیر این صورت تیکت بسته می‌شود.";

    public static string? After(TicketAction action, long number) => action switch
    {
        TicketAction.Reply => $"همتا\nبه تیکت {Display.Number(number)} پاسخ داده شد. پاسخ را در بخش «ثبت و پیگیری مشکلات» ببینید.",
        TicketAction.RequestInformation => $"همتا\nبرای بررسی تیکت {Display.Number(number)} اطلاعات تکمیلی لازم است. لطفا در بخش «ثبت و پیگیری مشکلات» پاسخ دهید.",
        TicketAction.Resolve => $"همتا\nتیکت {Display.Number(number)} رفع شد.",
        TicketAction.Reject => $"همتا\nتیکت {Display.Number(number)} رد شد. دلیل را در بخش «ثبت و پیگیری مشکلات» ببینید.",
        _ => null,
    };
}
