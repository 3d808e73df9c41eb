using Hamta.Devices.Contracts;
using Hamta.Enforcement.Contracts;
using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Text;

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
        ({ LostOrStolen: true }, _) => $"همتا: {Display.Identifier(imei)} مفقودی یا سرقتی گزارش شده و مسدود است.",
        _ when inquiry.Blocked || enforcement.Any(s => s.Blocked) => $"همتا: {Display.Identifier(imei)} مسدود است.",
        _ when enforcement.Where(s => s.Blocking).MinBy(s => s.Deadline) is { } warned =>
            $"همتا: {Display.Identifier(imei)} غیرمجاز است؛ تا {Display.Date(warned.Deadline)} مسدود می‌شود.",
        ({ Registered: false }, _) => $"همتا: {Display.Identifier(imei)} ثبت نشده و غیرمجاز است.",
        _ => Fit($"همتا: {Display.Identifier(imei)} مجاز است؛ ", $"{inquiry.Brand} {inquiry.Model}".Trim()),
    };

    public static string Invalid(ImeiProblem problem) => problem switch
    {
        ImeiProblem.LooksLikeImeisv => $"همتا: ۱۵ رقم اول شناسه را از {Display.Identifier("*#06#")} بفرستید.",
        ImeiProblem.WrongCheckDigit => "همتا: رقم کنترلی IMEI درست نیست؛ دوباره بررسی کنید.",
        _ => $"همتا: IMEI پانزده رقمی را از {Display.Identifier("*#06#")} بفرستید.",
    };

    public static string TooMany(TimeSpan retryAfter) =>
        $"همتا: استعلام بیش از حد مجاز؛ {Display.Number(Math.Max(1, (long)Math.Ceiling(retryAfter.TotalMinutes)))} دقیقه دیگر بفرستید.";

    /// <summary>The head and the brand and model, isolated (two characters) and shortened to fit.</summary>
    private static string Fit(string head, string tail) =>
        head + Display.Isolate(head.Length + tail.Length + 2 <= MaxLength ? tail : tail[..(MaxLength - head.Length - 3)] + "…");
}
