namespace Hamta.Sim;

internal static class SimTexts
{
    public static string LoginCodeSms(string code) =>
        $"همتا\nکد ورود شما: {code}\nاین کد را در اختیار هیچ‌کس قرار ندهید.";
}
