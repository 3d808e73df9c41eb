using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Hamta.Bench;

/// <summary>
/// PostgreSQL's own ceiling for a ticket submission: pgbench, one transaction = upsert a stream row
/// and insert a 1 KB jsonb event, into bare tables shaped like Marten's.
/// </summary>
public static class Pgbench
{
    public const string Binary = "/usr/lib/postgresql/15/bin/pgbench";

    public static string Script()
    {
        var payload = JsonSerializer.Serialize(new
        {
            Subject = 8,
            Status = 0,
            SubscriberSim = "09120000001",
            SubscriberNationalId = "1000000011",
            Description = new string('ث', 430),
            Fields = new Dictionary<string, string>(),
            CorrectImeis = Array.Empty<string>(),
            OpenedAt = "2026-11-24T18:43:54.7390985+00:00",
        });
        return $"""
            with s as (
              insert into bench_base.streams(id, type, version) values (gen_random_uuid(), 'ticket', 1)
              on conflict (id) do update set version = bench_base.streams.version + 1, timestamp = now()
              returning id, version)
            insert into bench_base.events(id, stream_id, version, data, type)
              select gen_random_uuid(), s.id, s.version, '{payload}'::jsonb, 'ticket_opened' from s;

            """;
    }

    /// <summary>Runs pgbench for a time at a client count; transactions per second and per-transaction latencies.</summary>
    public static async Task<LoadResult> RunAsync(Database database, int clients, TimeSpan duration, string workDir)
    {
        var dir = Directory.CreateDirectory(Path.Combine(workDir, $"pgbench-{clients}-{Guid.NewGuid():N}")).FullName;
        var script = Path.Combine(dir, "submission.sql");
        await File.WriteAllTextAsync(script, Script());
        var info = new ProcessStartInfo(Binary)
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "-n", "-M", "prepared", "-h", "127.0.0.1", "-p", database.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres",
            "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            "-l", "--log-prefix", Path.Combine(dir, "tx"), "-f", script, database.Name,
        })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pgbench failed: {error}");
        }

        var latencies = Directory.GetFiles(dir, "tx*")
            .SelectMany(File.ReadLines)
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length >= 3)
            .Select(fields => double.Parse(fields[2], CultureInfo.InvariantCulture) / 1000)
            .Order()
            .ToArray();
        var tps = output.Split('\n').First(l => l.StartsWith("tps = ", StringComparison.Ordinal));
        var perSecond = double.Parse(tps.Split(' ')[2], CultureInfo.InvariantCulture);
        Directory.Delete(dir, recursive: true);
        return new LoadResult(latencies.Length, 0, TimeSpan.FromSeconds(latencies.Length / perSecond), latencies);
    }
}
