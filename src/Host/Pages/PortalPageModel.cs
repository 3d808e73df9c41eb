using Hamta.Host.Identity;
using Hamta.Host.Pages.Shared;
using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Text;
using Hamta.Tickets.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hamta.Host.Pages;

/// <summary>What every portal page shares: the texts, the signed-in kartable, and one way to check and show fields.</summary>
public abstract class PortalPageModel(IStringLocalizer<SharedResource> texts) : PageModel
{
    protected IStringLocalizer<SharedResource> Texts { get; } = texts;

    /// <summary>The signed-in SIM («کارتابل»).</summary>
    public string KartableSim => SubscriberClaims.MobileOf(User) ?? throw new InvalidOperationException("No subscriber is signed in.");

    /// <summary>The national ID that owns the signed-in SIM.</summary>
    public string KartableNationalId => User.FindFirst(SubscriberClaims.NationalId)?.Value ?? throw new InvalidOperationException("No subscriber is signed in.");

    public bool HasError(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public FieldModel Field(string name, string labelKey, string? value, bool numeric = false, string? autocomplete = null, string type = "text", string? hintKey = null) =>
        new(name, Texts[labelKey].Value, value, ErrorOf(name), numeric, autocomplete, type, hintKey is null ? null : Texts[hintKey].Value);

    protected static int MinutesFrom(int seconds) => Math.Max(1, (int)Math.Ceiling(seconds / 60.0));

    protected void Refuse(string field, string textKey, params object[] arguments) =>
        ModelState.AddModelError(field, Texts[textKey, arguments]);

    /// <summary>Says beside the file field why the Tickets module refused the attached files.</summary>
    protected void RefuseAttachments(string field, AttachmentRefusal refusal) =>
        Refuse(field, $"Attachment_{refusal.Problem}", refusal.FileName ?? string.Empty,
            Display.Number(AttachmentLimits.MaxFiles), Display.Number(AttachmentLimits.MaxBytes / (1024 * 1024)));

    /// <summary>Normalises an IMEI typed in any digit script, or says beside the field what is wrong with it.</summary>
    protected bool TryImei(string field, string? input, out string imei)
    {
        var problem = Imei.Check(input, out imei);
        if (problem != ImeiProblem.None)
        {
            Refuse(field, $"Imei_{problem}");
        }

        return problem == ImeiProblem.None;
    }

    protected bool TryMobile(string field, string? input, out string mobile)
    {
        var valid = MobileNumber.TryNormalize(input, out mobile);
        if (!valid)
        {
            Refuse(field, "Mobile_Invalid");
        }

        return valid;
    }
}
