using Hamta.Devices.Contracts;
using Hamta.Enforcement.Contracts;
using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Time;

namespace Hamta.Host.Ussd;

/// <summary>
/// The answers of the USSD/SMS inquiry. Each fits one Persian SMS (70 characters), so it also fits one USSD
/// page; a long brand and model is shortened to fit.
/// </summary>
public static class UssdTexts
{
    public const int MaxLength = 70;

    /// <summary>The registry's answer, with the network's verdict first: blocked, or warned with its Jalali deadline.</summary>
    public static string Answer(string imei, ImeiInquiry inquiry, IReadOnlyList<ImeiEnforcementState> enforcement) => (inquiry, enforcement) switch
    {
        ({ LostOrStolen: true }, _) => $"همتا: {imei} مفقودی یا سرقتی گزارش شده و مسدود است.",
        _ when inquiry.Blocked || enforcement.Any(s => s.Blocked) => $"همتا: {imei} مسدود است.",
        _ when enforcement.Where(s => s.Blocking).MinBy(s => s.Deadline) is { } warned =>
            $"همتا: {imei} غیرمجاز است؛ تا {JalaliDate.FormatDate(warned.Deadline)} مسدود می‌شود.",
        ({ Registered: false }, _) => $"همتا: {imei} ثبت نشده و غیرمجاز است.",
        _ => Fit($"همتا: {imei} مجاز است؛ ", $"{inquiry.Brand} {inquiry.Model}".Trim()),
    };

    public static string Invalid(ImeiProblem problem) => problem switch
    {
        ImeiProblem.LooksLikeImeisv => "همتا: ۱۵ رقم اول شناسه را از *#06# بفرستید.",
        ImeiProblem.WrongCheckDigit => "همتا: رقم کنترلی IMEI درست نیست؛ دوباره بررسی کنید.",
        _ => "همتا: IMEI پانزده رقمی را از *#06# بفرستید.",
    };

    public static string TooMany(TimeSpan retryAfter) =>
        $"همتا: استعلام بیش از حد مجاز؛ {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))} دقیقه دیگر بفرستید.";

    private static string Fit(string head, string tail) =>
        head.Length + tail.Length <= MaxLength ? head + tail : head + tail[..(MaxLength - head.Length - 1)] + "…";
}
