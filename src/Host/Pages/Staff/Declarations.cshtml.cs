using System.Security.Claims;
using Hamta.Devices.Contracts;
using Hamta.Kernel.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages.Staff;

/// <summary>
/// A registry clerk uploads an importer's or customs' declarations file; it is imported in the background
/// (<see cref="DeclarationUploadModel"/> follows it). Files above <c>Hamta:Declarations:MaxUploadMegabytes</c> are
/// refused with a message; bodies above <see cref="HardLimitBytes"/> never reach the page (413, the Persian error page).
/// </summary>
[RequestSizeLimit(HardLimitBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = HardLimitBytes)]
public sealed class DeclarationsModel(IMessageBus bus, IConfiguration configuration, IStringLocalizer<StaffResource> texts) : PageModel
{
    public const long HardLimitBytes = 64L * 1024 * 1024;
    public const string MaxUploadKey = "Hamta:Declarations:MaxUploadMegabytes";
    public const string FileField = "file";
    public const int RecentCount = 20;

    public IReadOnlyList<DeclarationUploadStatus> Recent { get; private set; } = [];

    public int MaxMegabytes => (int)Math.Min(configuration.GetValue(MaxUploadKey, 20), HardLimitBytes / 1024 / 1024);

    public string? FileError => ModelState.TryGetValue(FileField, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public async Task OnGetAsync(CancellationToken cancellation) =>
        Recent = await bus.InvokeAsync<IReadOnlyList<DeclarationUploadStatus>>(new FindDeclarationUploads(RecentCount), cancellation);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellation)
    {
        if (file is null || file.Length == 0)
        {
            return await RefuseAsync(file is null ? "Declarations_NoFile" : "Declarations_Empty", cancellation);
        }

        if (file.Length > MaxMegabytes * 1024L * 1024)
        {
            return await RefuseAsync("Declarations_TooLarge", cancellation, Display.Number(MaxMegabytes));
        }

        using var content = new MemoryStream((int)file.Length);
        await file.CopyToAsync(content, cancellation);
        var by = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No staff member is signed in.");
        var uploaded = await bus.InvokeAsync<DeclarationsUploaded>(new UploadDeclarations(file.FileName, content.ToArray(), by), cancellation);
        return uploaded switch
        {
            { Outcome: UploadOutcome.Accepted, UploadId: { } id } => Redirect($"/staff/declarations/{id}"),
            { Outcome: UploadOutcome.SameFileAgain, UploadId: { } id } => Redirect($"/staff/declarations/{id}?again=true"),
            { Outcome: UploadOutcome.Empty } => await RefuseAsync("Declarations_Empty", cancellation),
            _ => await RefuseAsync("Declarations_NoHeader", cancellation, DeclarationsFile.Header),
        };
    }

    private async Task<IActionResult> RefuseAsync(string key, CancellationToken cancellation, params object[] arguments)
    {
        ModelState.AddModelError(FileField, texts[key, arguments]);
        await OnGetAsync(cancellation);
        return Page();
    }
}
