using Hamta.Enforcement.Conditions;
using Hamta.Kernel.Text;

namespace Hamta.Enforcement.Warnings;

/// <summary>The SMS the Enforcement module sends: each names the IMEI, the reason and, until lifted, the Jalali deadline.</summary>
internal static class EnforcementTexts
{
    /// <summary>The portal's form of the IMEI-mismatch ticket, with the owned device chosen (its registered IMEI).</summary>
    public static string MismatchTicketPath(string registeredImei) => $"/tickets/new/form?subject=ImeiMismatch&imei={registeredImei}";

    public static string Warning(string imei, string reason, DateTimeOffset deadline, string hint) =>
        $"همتا\nشناسه دستگاه (IMEI) {Display.Identifier(imei)} در شبکه رؤیت شد: {reason}. اگر تا {Display.Date(deadline)} رفع نشود، ارتباط این گوشی با شبکه قطع می‌شود.\n{hint}";

    public static string Reminder(string imei, string reason, DateTimeOffset deadline) =>
        $"همتا\nیادآوری: مهلت رفع مشکل شناسه دستگاه (IMEI) {Display.Identifier(imei)} ({reason}) تا {Display.Date(deadline)} است؛ پس از آن ارتباط این گوشی با شبکه قطع می‌شود.";

    public static string Lifted(string imei, string reason) =>
        $"همتا\nهشدار شناسه دستگاه (IMEI) {Display.Identifier(imei)} ({reason}) رفع شد و ارتباط این گوشی با شبکه قطع نمی‌شود.";

    /// <summary>What to do about it, by the condition met.</summary>
    public static string Hint(ConditionKind kind, string? mismatchDevice) => (kind, mismatchDevice) switch
    {
        (ConditionKind.NotRegistered, { } registered) =>
            $"اگر این شناسه دوم گوشی دو سیم‌کارته شماست و در همتا اشتباه ثبت شده، درخواست «شناسه دستگاه (IMEI) من با شناسه دستگاه ثبت شده در همتا تطابق ندارد» را در «ثبت و پیگیری مشکلات» ثبت کنید: {Display.Identifier(MismatchTicketPath(registered))}",
        (ConditionKind.NotRegistered, null) =>
            "اگر گوشی را با کد فعال‌سازی خریده‌اید، آن را در «فعال سازی تلفن همراه» فعال کنید؛ گوشی مسافری را از طریق گمرک ثبت کنید.",
        (ConditionKind.NonOwnerSim, _) =>
            "این گوشی به نام دیگری ثبت است. اگر آن را خریده‌اید، مالک قبلی با «انتقال مالکیت» کد فعال‌سازی می‌گیرد و شما گوشی را با آن در «فعال سازی تلفن همراه» فعال می‌کنید.",
        (ConditionKind.Cloned, _) =>
            "این شناسه هم‌زمان روی چند گوشی دیده شده است. اگر مالک این گوشی هستید، در «ثبت و پیگیری مشکلات» درخواست ثبت کنید.",
        _ => "این شناسه معتبر نیست و گوشی با آن قابل ثبت در همتا نیست. برای پیگیری به «ثبت و پیگیری مشکلات» مراجعه کنید.",
    };
}
