using Hamta.Enforcement.Contracts;
using Hamta.Sim.Contracts;
using Hamta.Testing;
using Hamta.Tests.Infrastructure;
using Hamta.Tests.Registry;

namespace Hamta.Tests.Enforcement;

/// <summary>The network's sightings and the classification runs the enforcement scenarios share.</summary>
public abstract class EnforcementTest(HamtaFixture fixture) : RegistryTest(fixture)
{
    /// <summary>An operator reports a sighting <paramref name="ago"/> before now, and everything it causes is handled.</summary>
    protected Task See(string imei, string msisdn, TimeSpan ago, string? imsi = null) =>
        AndWaitForMessages(() => Ask<AttachObservationsResult>(new RecordAttachObservations(TestHost.OperatorName,
            [new AttachObservationRecord(imei, imsi ?? $"43211{msisdn[1..]}", msisdn, Clock.GetUtcNow() - ago)])));

    /// <summary>The demo devices seen with their owners' SIMs ten days ago: the window is not all offenders.</summary>
    protected async Task HealthyNetwork()
    {
        var tenDays = TimeSpan.FromDays(10);
        await See(Nokia, SampleMobile, tenDays);
        await See(Samsung, SampleMobile, tenDays);
        await See(Xiaomi, SecondUserSim, tenDays);
        await See(XiaomiSecondImei, SecondUserSim, tenDays);
    }

    protected Task Classify(string cause = "test") => Send(new ClassifyImeis(cause));

    protected async Task<IReadOnlyList<ImeiEnforcementState>> StatesOf(string imei) =>
        (await Ask<EnforcementStates>(new FindEnforcementStates([imei]))).States;

    protected async Task<IReadOnlyList<string>> EnforcementSmsTo(string mobile) =>
        (await SmsTo(mobile)).Select(s => s.Text).Where(t => t.Contains("شناسه دستگاه (IMEI)", StringComparison.Ordinal) && !t.Contains("تیکت", StringComparison.Ordinal)).ToList();
}
