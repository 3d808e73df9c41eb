using Hamta.Host.Auditing;
using Hamta.Kernel.Auditing;
using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Text;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hamta.Host.Pages.Staff;

/// <summary>For admins and auditors: every event of a device, SIM or ticket, an IMEI's enforcement changes, and the state after any of them.</summary>
public sealed class HistoryModel(StreamHistory history) : PageModel
{
    public HistoryKind Kind { get; private set; }

    public string? Key { get; private set; }

    public IReadOnlyList<StreamHistoryView> Views { get; private set; } = [];

    public async Task OnGetAsync(HistoryKind? kind, string? key, string? source, long? version, CancellationToken cancellation)
    {
        Kind = kind ?? HistoryKind.Imei;
        if (string.IsNullOrWhiteSpace(key))
        {
            return;
        }

        Key = Kind == HistoryKind.Sim && MobileNumber.TryNormalize(key, out var mobile) ? mobile : DigitNormalizer.Normalize(key);
        Views = await history.FindAsync(Kind, Key, source, version, cancellation);
    }
}
