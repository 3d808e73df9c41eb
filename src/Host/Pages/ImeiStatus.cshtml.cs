using Hamta.Devices.Contracts;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages;

/// <summary>«وضعیت شناسه دستگاه (IMEI)»: the last owner's number, masked, only when nobody owns the device now.</summary>
public sealed class ImeiStatusModel(IMessageBus bus, IStringLocalizer<SharedResource> texts) : ImeiLookupModel<ImeiStatus>(bus, texts)
{
    protected override object QueryFor(string imei) => new GetImeiStatus(imei);
}
