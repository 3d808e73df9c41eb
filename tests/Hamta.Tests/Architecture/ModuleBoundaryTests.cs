using System.Reflection;
using System.Xml.Linq;
using Hamta.Devices;
using Hamta.Devices.Contracts;
using Hamta.Enforcement;
using Hamta.Enforcement.Contracts;
using Hamta.Kernel.Text;
using Hamta.Sim;
using Hamta.Sim.Contracts;
using Hamta.Tickets;
using Hamta.Tickets.Contracts;

namespace Hamta.Tests.Architecture;

/// <summary>
/// Modules talk only through contracts: a module's assembly may reference the kernel, any
/// module's contracts and itself, never another module's implementation (ADR 0001).
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Assembly[] Modules = [typeof(SimModule).Assembly, typeof(DevicesModule).Assembly, typeof(TicketsModule).Assembly, typeof(EnforcementModule).Assembly];

    private static readonly Assembly[] Contracts =
        [typeof(RequestLoginCode).Assembly, typeof(DeviceSummary).Assembly, typeof(TicketDetails).Assembly, typeof(EnforcementList).Assembly];

    public static TheoryData<string> ModuleNames => new(Modules.Select(m => m.GetName().Name!));

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_uses_no_other_modules_internals(string module)
    {
        var forbidden = Modules.Select(m => m.GetName().Name!).Where(name => name != module);

        Assert.Empty(HamtaReferencesOf(module).Intersect(forbidden));
    }

    [Fact]
    public void A_module_project_references_only_the_kernel_and_contracts()
    {
        var references = Directory.GetFiles(Path.Combine(RepositoryRoot(), "src", "Modules"), "*.csproj", SearchOption.AllDirectories)
            .SelectMany(project => XDocument.Load(project).Descendants("ProjectReference")
                .Select(reference => (Project: Path.GetFileName(project), Reference: Path.GetFileName(reference.Attribute("Include")!.Value))));

        Assert.All(references, r => Assert.True(
            r.Reference is "Hamta.Kernel.csproj" || r.Reference.EndsWith(".Contracts.csproj", StringComparison.Ordinal),
            $"{r.Project} references {r.Reference}"));
    }

    [Fact]
    public void Contracts_and_the_kernel_depend_on_no_module()
    {
        var moduleNames = Modules.Select(m => m.GetName().Name!).ToHashSet();
        foreach (var assembly in Contracts.Append(typeof(DigitNormalizer).Assembly))
        {
            Assert.DoesNotContain(HamtaReferencesOf(assembly.GetName().Name!), moduleNames.Contains);
        }
    }

    [Fact]
    public void Every_module_is_checked()
    {
        var projects = Directory.GetDirectories(Path.Combine(RepositoryRoot(), "src", "Modules"))
            .SelectMany(Directory.GetDirectories)
            .Select(Path.GetFileName)
            .Where(name => !name!.EndsWith(".Contracts", StringComparison.Ordinal));

        Assert.Equal(projects.Order(), Modules.Select(m => m.GetName().Name).Order());
    }

    private static IEnumerable<string> HamtaReferencesOf(string assemblyName) =>
        Assembly.Load(assemblyName).GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name.StartsWith("Hamta.", StringComparison.Ordinal));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hamta.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Hamta.sln not found above the test binaries.");
    }
}
