using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using Hamta.Devices;
using Hamta.Devices.Contracts;
using Hamta.Enforcement;
using Hamta.Host.Infrastructure;
using Hamta.Sim;
using Hamta.Tickets;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using Assembly = System.Reflection.Assembly;
using Type = System.Type;

namespace Hamta.Tests.Architecture;

/// <summary>
/// The Host reaches a module only through its <c>*Module</c> entry point (the registration) and its contracts; what
/// the audit, the history page and the commands need, each module registers as a service of a kernel abstraction.
/// The handler code Wolverine generates into the Host is exempt: it calls the handlers by design (ADR 1).
/// </summary>
public sealed class HostBoundaryTests
{
    private static readonly Type[] EntryPoints = [typeof(SimModule), typeof(DevicesModule), typeof(TicketsModule), typeof(EnforcementModule)];

    private static readonly Assembly HostAssembly = typeof(Persistence).Assembly;

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Loaded = new(() => new ArchLoader()
        .LoadAssemblies([HostAssembly, typeof(HostBoundaryTests).Assembly, .. EntryPoints.Select(t => t.Assembly)])
        .Build());

    private static IReadOnlyList<string> Violations(IObjectProvider<IType> consumers) =>
    [
        .. Types().That().Are(consumers)
            .Should().NotDependOnAny(Types().That().ResideInAssembly(EntryPoints[0].Assembly, [.. EntryPoints.Skip(1).Select(t => t.Assembly)])
                .And().AreNot(EntryPoints))
            .Because("the Host reaches a module only through its *Module registration and its contracts")
            .Evaluate(Loaded.Value).Where(r => !r.Passed).Select(r => r.Description),
    ];

    [Fact]
    public void The_host_uses_no_module_type_but_its_entry_point_and_contracts()
    {
        var host = Types().That().ResideInAssembly(HostAssembly).And().DoNotResideInNamespaceOrBelow("Internal.Generated");

        var violations = Violations(host);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void The_rule_catches_a_field_and_a_call_that_reach_into_a_module()
    {
        var field = Violations(Types().That().Are(typeof(KeepsAModuleInternal)));
        var call = Violations(Types().That().Are(typeof(CallsAModuleInternal)));

        Assert.Contains(typeof(Hamta.Devices.Registry.Device).FullName!, Assert.Single(field), StringComparison.Ordinal);
        Assert.Single(call);
    }

    [Fact]
    public void The_rule_lets_the_entry_point_and_the_contracts_through()
    {
        Assert.Empty(Violations(Types().That().Are(typeof(UsesTheEntryPointAndContracts))));
    }

    private sealed class KeepsAModuleInternal
    {
        public Hamta.Devices.Registry.Device? Device { get; init; }
    }

    private static class CallsAModuleInternal
    {
        public static string Schema() => typeof(Hamta.Devices.Registry.Registrations).Name;
    }

    private static class UsesTheEntryPointAndContracts
    {
        public static string Describe(DeviceSummary device) => $"{DevicesModule.Schema}:{device.Id}";
    }
}
