using Hamta.Devices.Contracts;
using Hamta.Devices.Declaring;
using Hamta.Devices.Registry;
using Hamta.Kernel.Notifications;
using JasperFx.Events;
using Marten;
using Weasel.Core;

namespace Hamta.Devices.Importing;

/// <summary>What an import did: devices imported, lines skipped with why, and the SMS the caller must send.</summary>
public sealed record ImportReport(int Imported, IReadOnlyList<string> Problems, IReadOnlyList<SendSms> Notifications);

/// <summary>
/// Imports a declarations file on Marten's bulk path (PostgreSQL COPY), a batch at a time. Bad lines
/// are reported and skipped. The IMEI claims go in first, all or nothing per batch: they are the
/// database's uniqueness gate, so nothing of a batch is written when any of its IMEIs is taken.
/// </summary>
public sealed class DeclarationImporter(IDocumentStore store, TimeProvider clock)
{
    public const int BatchSize = 10_000;

    public async Task<ImportReport> ImportAsync(TextReader reader, CancellationToken cancellation)
    {
        var problems = new List<DeclarationLine>();
        var notifications = new List<SendSms>();
        var imported = 0;
        var now = clock.GetUtcNow();
        foreach (var batch in DeclarationCsv.Read(reader, now).Chunk(BatchSize))
        {
            problems.AddRange(batch.Where(line => line.Problem is not null));
            var valid = await AcceptableAsync(batch.Where(line => line.Declaration is not null).ToList(), problems, cancellation);
            notifications.AddRange(await WriteAsync(valid, now, cancellation));
            imported += valid.Count;
        }

        var report = problems.OrderBy(line => line.LineNumber).Select(line => $"line {line.LineNumber}: {line.Problem}").ToList();
        return new ImportReport(imported, report, notifications);
    }

    private async Task<List<DeclarationLine>> AcceptableAsync(List<DeclarationLine> lines, List<DeclarationLine> problems, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var imeis = lines.SelectMany(line => line.Declaration!.Imeis).ToArray();
        var taken = (await session.LoadManyAsync<ImeiClaim>(cancellation, imeis)).Select(claim => claim.Id).ToHashSet();
        var accepted = new List<DeclarationLine>();
        foreach (var line in lines)
        {
            var problem = DeclarationRules.Refusal(line.Declaration!) is { } refusal
                ? $"{refusal.Outcome} {refusal.Imei}".Trim()
                : line.Declaration!.Imeis.FirstOrDefault(imei => !taken.Add(imei)) is { } duplicate
                    ? $"IMEI {duplicate} is already registered or appears twice"
                    : null;
            if (problem is null)
            {
                accepted.Add(line);
            }
            else
            {
                problems.Add(line with { Problem = problem });
            }
        }

        return accepted;
    }

    private async Task<IReadOnlyList<SendSms>> WriteAsync(List<DeclarationLine> lines, DateTimeOffset now, CancellationToken cancellation)
    {
        if (lines.Count == 0)
        {
            return [];
        }

        var streams = new List<StreamAction>(lines.Count);
        var devices = new List<Device>(lines.Count);
        var claims = new List<ImeiClaim>();
        var sms = new List<SendSms>();
        foreach (var declaration in lines.Select(line => line.Declaration!))
        {
            var deviceId = Guid.CreateVersion7();
            var (events, customsSms) = DeclarationRules.Events(deviceId, declaration, now);
            streams.Add(StreamAction.Start(((DocumentStore)store).Events, deviceId, events.ToArray()));
            devices.Add(events.Skip(1).Aggregate(Device.Create((DeviceDeclared)events[0]), Evolve));
            claims.AddRange(declaration.Imeis.Select(imei => new ImeiClaim(imei, deviceId)));
            if (customsSms is not null)
            {
                sms.Add(customsSms);
            }
        }

        await store.BulkInsertAsync(claims, BulkInsertMode.InsertsOnly, cancellation: cancellation);
        try
        {
            // The streams and the devices go in side by side, each on its own connection.
            await Task.WhenAll(
                store.BulkInsertEventsAsync(streams, cancellation: cancellation),
                store.BulkInsertAsync(devices, BulkInsertMode.InsertsOnly, cancellation: cancellation));
        }
        catch
        {
            await using var cleanup = store.LightweightSession();
            cleanup.DeleteWhere<ImeiClaim>(claim => claims.Select(c => c.Id).Contains(claim.Id));
            await cleanup.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        return sms;
    }

    private static Device Evolve(Device device, object e) => e switch
    {
        ActivationCodeIssued issued => device.Apply(issued),
        _ => throw new InvalidOperationException($"A declaration does not produce {e.GetType().Name}."),
    };
}
