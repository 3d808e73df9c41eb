using System.Globalization;
using System.Runtime.InteropServices;

namespace Hamta.Bench;

/// <summary>The machine and PostgreSQL settings the figures were measured on.</summary>
public sealed record Machine(string LoadAverageAtStart, string LoadAverageAtEnd, string Cpu, int Cores, double MemoryGb, string Os, string Runtime, string Postgres, IReadOnlyList<(string Name, string Value)> Settings)
{
    public static readonly string[] SettingNames =
    [
        "fsync", "synchronous_commit", "full_page_writes", "wal_level", "shared_buffers", "work_mem", "effective_cache_size",
        "max_connections", "max_wal_size", "checkpoint_timeout", "shared_preload_libraries",
    ];

    /// <summary>The 1, 5 and 15 minute load averages: how busy the shared machine was besides the bench.</summary>
    public static string LoadAverage() => string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public static async Task<Machine> DescribeAsync(Database database, string loadAverageAtStart)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memoryKb = double.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? "Linux"
            : RuntimeInformation.OSDescription;
        var version = await database.ScalarAsync<string>("select version()");
        var settings = await database.RowsAsync(
            $"select name, setting || coalesce(' ' || unit, '') from pg_settings where name in ({string.Join(", ", SettingNames.Select(n => $"'{n}'"))}) order by name");
        return new Machine(loadAverageAtStart, LoadAverage(), cpu, Environment.ProcessorCount, memoryKb / 1024 / 1024, $"{os}, kernel {Environment.OSVersion.Version}",
            RuntimeInformation.FrameworkDescription, version, settings.Select(r => ((string)r[0], (string)r[1])).ToList());
    }
}
