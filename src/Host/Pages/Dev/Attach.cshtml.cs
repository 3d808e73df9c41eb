using Hamta.Kernel.Identifiers;
using Hamta.Sim.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages.Dev;

/// <summary>
/// Development only: "this phone was switched on with this SIM". It sends the same command as the
/// operators' API, so everything downstream sees a real observation.
/// </summary>
public sealed class AttachModel(IMessageBus bus, IWebHostEnvironment environment, TimeProvider clock, IStringLocalizer<SharedResource> texts)
    : PortalPageModel(texts)
{
    public const string DevelopmentOperator = "dev-simulator";

    [BindProperty]
    public string? Imei { get; set; }

    [BindProperty]
    public string? Sim { get; set; }

    public string? Outcome { get; private set; }

    public IActionResult OnGet() => environment.IsDevelopment() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        var imsi = MobileNumber.TryNormalize(Sim, out var mobile) ? $"43211{mobile[1..]}" : null;
        var record = new AttachObservationRecord(Imei, imsi, Sim, clock.GetUtcNow());
        var result = await bus.InvokeAsync<AttachObservationsResult>(new RecordAttachObservations(DevelopmentOperator, [record]), cancellation);
        Outcome = Texts[$"Observation_{result.Records[0].Outcome}"];
        return Page();
    }
}
