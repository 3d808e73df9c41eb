using Hamta.Enforcement.Contracts;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages;

/// <summary>A page that takes an IMEI from the query string and shows what one registry query answers about it.</summary>
public abstract class ImeiLookupModel<TResult>(IMessageBus bus, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
    where TResult : class
{
    protected IMessageBus Bus { get; } = bus;

    public string? Imei { get; private set; }

    public string? CheckedImei { get; private set; }

    public TResult? Result { get; private set; }

    /// <summary>The conditions the IMEI meets on the network now: the warning's reason and deadline, or the block.</summary>
    public IReadOnlyList<ImeiEnforcementState> Enforcement { get; private set; } = [];

    public async Task OnGetAsync(string? imei, CancellationToken cancellation)
    {
        Imei = imei;
        if (imei is null || !TryImei("imei", imei, out var checkedImei))
        {
            return;
        }

        CheckedImei = checkedImei;
        Result = await Bus.InvokeAsync<TResult>(QueryFor(checkedImei), cancellation);
        Enforcement = (await Bus.InvokeAsync<EnforcementStates>(new FindEnforcementStates([checkedImei]), cancellation)).States;
        await OnAnsweredAsync(checkedImei, Result, cancellation);
    }

    protected abstract object QueryFor(string imei);

    protected virtual Task OnAnsweredAsync(string imei, TResult result, CancellationToken cancellation) => Task.CompletedTask;
}
