using Hamta.Devices.Contracts;
using Hamta.Host.Identity;
using Hamta.Sim.Contracts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages;

/// <summary>«استعلام اصالت دستگاه»: public, rate-limited per address.</summary>
[EnableRateLimiting(IdentityRegistration.InquiryRateLimit)]
public sealed class InquiryModel(IMessageBus bus, IStringLocalizer<SharedResource> texts) : ImeiLookupModel<ImeiInquiry>(bus, texts)
{
    /// <summary>Seen on the network before, by the registry's record or by the operators' reports (also before it was declared).</summary>
    public bool SeenOnNetwork { get; private set; }

    protected override object QueryFor(string imei) => new InquireImei(imei);

    protected override async Task OnAnsweredAsync(string imei, ImeiInquiry result, CancellationToken cancellation) =>
        SeenOnNetwork = result.SeenOnNetwork
            || (await Bus.InvokeAsync<LastSeenOnNetwork>(new FindLastSeenOnNetwork([imei]), cancellation)).ByImei.Count > 0;
}
