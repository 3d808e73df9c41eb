using Marten;
using Wolverine;

namespace Hamta.Devices;

/// <summary>The Devices module registers its storage (schema <c>devices</c>) and its handlers.</summary>
public static class DevicesModule
{
    public const string Schema = "devices";

    public static StoreOptions AddDevicesModule(this StoreOptions options) => options;

    public static WolverineOptions AddDevicesModule(this WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(typeof(DevicesModule).Assembly);
        return options;
    }
}
