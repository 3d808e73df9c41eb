using Hamta.Kernel.Text;

namespace Hamta.Enforcement;

/// <summary>The Persian reasons the lists carry.</summary>
internal static class EnforcementTexts
{
    public static string LostStolen(string caseNumber) => $"گزارش مفقودی یا سرقت (پرونده {Display.Digits(caseNumber)})";

    public static string Manual(string reason) => $"مسدودسازی دستی: {reason}";
}
