using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hamta.Host.Pages;

/// <summary>What every portal page shares: the texts and a clear way to show a field's error.</summary>
public abstract class PortalPageModel(IStringLocalizer<SharedResource> texts) : PageModel
{
    protected IStringLocalizer<SharedResource> Texts { get; } = texts;

    public bool HasError(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    protected static int MinutesFrom(int seconds) => Math.Max(1, (int)Math.Ceiling(seconds / 60.0));

    protected void Refuse(string field, string textKey, params object[] arguments) =>
        ModelState.AddModelError(field, Texts[textKey, arguments]);
}
