using Hamta.Devices.Contracts;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages;

/// <summary>«سوابق انتقال مالکیت»: transfers the signed-in national ID made and received.</summary>
public sealed class TransfersModel(IMessageBus bus, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    public IReadOnlyList<TransferRecord> Transfers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) =>
        Transfers = await bus.InvokeAsync<IReadOnlyList<TransferRecord>>(new FindTransfers(KartableNationalId), cancellation);
}
