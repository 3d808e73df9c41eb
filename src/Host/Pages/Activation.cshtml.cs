using Hamta.Devices.Contracts;
using Hamta.Kernel.Text;
using Hamta.Sim.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages;

/// <summary>«فعال سازی تلفن همراه»: IMEI + one of my SIMs + the one-time activation code.</summary>
public sealed class ActivationModel(IMessageBus bus, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    [BindProperty]
    public string? Imei { get; set; }

    [BindProperty]
    public string? Sim { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Success { get; private set; }

    public void OnGet() => Sim = KartableSim;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var imeiOk = TryImei(nameof(Imei), Imei, out var imei);
        var simOk = TryMobile(nameof(Sim), Sim, out var sim);
        if (!imeiOk || !simOk || !ModelState.IsValid)
        {
            return Page();
        }

        if (await bus.InvokeAsync<SimOwnership>(new CheckSimOwnership(sim, KartableNationalId), cancellation) != SimOwnership.Owner)
        {
            Refuse(nameof(Sim), "Activation_NotYourSim");
            return Page();
        }

        var result = await bus.InvokeAsync<ActivationResult>(new ActivateDevice(imei, sim, KartableNationalId, DigitNormalizer.Normalize(Code)), cancellation);
        switch (result.Outcome)
        {
            case ActivationOutcome.Activated:
            case ActivationOutcome.Transferred:
                Success = Texts[$"Activation_{result.Outcome}", Display.Identifier(imei), Display.Identifier(sim)];
                Imei = Code = null;
                return Page();
            case ActivationOutcome.UnknownImei:
                Refuse(nameof(Imei), "Activation_UnknownImei");
                break;
            case ActivationOutcome.AlreadyOwned:
                Refuse(nameof(Imei), "Activation_AlreadyOwned");
                break;
            case ActivationOutcome.Blocked:
                Refuse(nameof(Imei), "Activation_Blocked");
                break;
            case ActivationOutcome.LostOrStolen:
                Refuse(nameof(Imei), "Activation_LostOrStolen");
                break;
            case ActivationOutcome.CoolingDown:
                Refuse(nameof(Code), "Activation_CoolingDown", Display.Number(result.RetryAfterMinutes));
                break;
            case ActivationOutcome.DeviceCoolingDown:
                Refuse(nameof(Code), "Activation_DeviceCoolingDown", Display.Number(result.RetryAfterMinutes));
                break;
            case ActivationOutcome.NoActiveCode:
            case ActivationOutcome.TransferCancelled:
            case ActivationOutcome.TransferExpired:
                Refuse(nameof(Code), $"Activation_{result.Outcome}");
                break;
            case ActivationOutcome.CustomsFeeNotPaid:
                Refuse(nameof(Imei), "Activation_CustomsFeeNotPaid");
                break;
            case ActivationOutcome.MalformedCode:
                Refuse(nameof(Code), "Activation_CodeFormat");
                break;
            default:
                Refuse(nameof(Code), "Activation_WrongCode");
                break;
        }

        return Page();
    }
}
