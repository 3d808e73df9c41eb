using System.Security.Claims;
using Hamta.Devices.Contracts;
using Hamta.Enforcement.Contracts;
using Hamta.Host.Pages.Shared;
using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages.Staff;

/// <summary>
/// Blocking and unblocking a registered device by hand, with a reason: the Devices module records it on the device
/// and tells enforcement, which puts the device's IMEIs on the block list (a <c>manual</c> state) or takes them off.
/// </summary>
public sealed class StaffBlocksModel(IMessageBus bus, IStringLocalizer<StaffResource> staffTexts, IStringLocalizer<SharedResource> texts) : PageModel
{
    [BindProperty]
    public string? BlockImei { get; set; }

    [BindProperty]
    public string? BlockReason { get; set; }

    [BindProperty]
    public string? UnblockImei { get; set; }

    [BindProperty]
    public string? UnblockReason { get; set; }

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<ManualBlock> Blocks { get; private set; } = [];

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No staff member is signed in.");

    public Task OnGetAsync(CancellationToken cancellation) => LoadAsync(cancellation);

    public async Task<IActionResult> OnPostBlockAsync(CancellationToken cancellation)
    {
        if (!TryImei(nameof(BlockImei), BlockImei, out var imei))
        {
            return await ShowAsync(cancellation);
        }

        var result = await bus.InvokeAsync<DeviceChangeResult>(new BlockDevice(imei, BlockReason ?? string.Empty, Me), cancellation);
        return await AfterAsync(result.Outcome, nameof(BlockImei), nameof(BlockReason), "Blocks_Blocked", "Blocks_AlreadyBlocked", cancellation);
    }

    public async Task<IActionResult> OnPostUnblockAsync(CancellationToken cancellation)
    {
        if (!TryImei(nameof(UnblockImei), UnblockImei, out var imei))
        {
            return await ShowAsync(cancellation);
        }

        var result = await bus.InvokeAsync<DeviceChangeResult>(new UnblockDevice(imei, UnblockReason ?? string.Empty, Me), cancellation);
        return await AfterAsync(result.Outcome, nameof(UnblockImei), nameof(UnblockReason), "Blocks_Unblocked", "Blocks_NotBlocked", cancellation);
    }

    public FieldModel Field(string name, string labelKey, string? value, bool numeric = false) =>
        new(name, staffTexts[labelKey].Value, value,
            ModelState.TryGetValue(name, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null, numeric);

    private async Task<IActionResult> AfterAsync(
        DeviceChangeOutcome outcome, string imeiField, string reasonField, string doneKey, string nothingKey, CancellationToken cancellation)
    {
        switch (outcome)
        {
            case DeviceChangeOutcome.Done:
                Done = doneKey;
                return RedirectToPage();
            case DeviceChangeOutcome.ReasonRequired:
                ModelState.AddModelError(reasonField, staffTexts["Blocks_ReasonRequired"]);
                break;
            case DeviceChangeOutcome.ReasonTooLong:
                ModelState.AddModelError(reasonField, staffTexts["Blocks_ReasonTooLong", Display.Number(BlockDevice.MaxReasonLength)]);
                break;
            default:
                ModelState.AddModelError(imeiField, staffTexts[outcome == DeviceChangeOutcome.UnknownImei ? "Blocks_UnknownImei" : nothingKey]);
                break;
        }

        return await ShowAsync(cancellation);
    }

    private bool TryImei(string field, string? input, out string imei)
    {
        var problem = Imei.Check(input, out imei);
        if (problem != ImeiProblem.None)
        {
            ModelState.AddModelError(field, texts[$"Imei_{problem}"]);
        }

        return problem == ImeiProblem.None;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellation)
    {
        await LoadAsync(cancellation);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellation) =>
        Blocks = await bus.InvokeAsync<IReadOnlyList<ManualBlock>>(new GetManualBlocks(), cancellation);
}
