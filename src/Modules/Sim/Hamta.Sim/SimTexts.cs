using Hamta.Kernel.Text;

namespace Hamta.Sim;

internal static class SimTexts
{
    public static string LoginCodeSms(string code) =>
        $"همتا\nکد ورود شما: {Display.Identifier(code)}\nاین کد را در اختیار هیچ‌کس قرار ندهید.";
}
