using Hamta.Devices.Contracts;
using Hamta.Host.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages;

/// <summary>«استعلام اصالت دستگاه»: public, rate-limited per address.</summary>
[EnableRateLimiting(IdentityRegistration.InquiryRateLimit)]
public sealed class InquiryModel(IMessageBus bus, IStringLocalizer<SharedResource> texts) : ImeiLookupModel<ImeiInquiry>(bus, texts)
{
    protected override object QueryFor(string imei) => new InquireImei(imei);
}
