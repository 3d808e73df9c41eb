using System.Security.Cryptography;
using Hamta.Devices.Declaring;
using Hamta.Devices.Registry;
using Hamta.Kernel.Notifications;
using Marten;
using Marten.Exceptions;
using Npgsql;
using NpgsqlTypes;

namespace Hamta.Devices.Importing;

/// <summary>The record of an imported declarations file, the one event on its stream (the stream's id comes from the file's SHA-256).</summary>
public sealed record DeclarationsFileImported(
    Guid FileId, string FileName, string Sha256, IReadOnlyList<string> Importers, int Lines, int Imported, int Skipped, string By, DateTimeOffset ImportedAt);

/// <summary>What an import did: devices imported, lines skipped with where and why, and the SMS the caller must send.</summary>
public sealed record ImportReport(Guid FileId, bool AlreadyImported, int Imported, IReadOnlyList<LineProblem> Problems, IReadOnlyList<SendSms> Notifications);

/// <summary>
/// Imports a declarations file as one batch: every line is checked, the good ones are copied (PostgreSQL
/// COPY) into a staging table and moved into the registration list by set-based statements, and the
/// file's record is appended, all in one transaction. Lines whose IMEIs are already held are reported
/// and skipped; a file already imported (same SHA-256) is recognised and changes nothing.
/// </summary>
public sealed class DeclarationImporter(IDocumentStore store, TimeProvider clock)
{
    private const int Attempts = 3;
    private const string Staging = "declared";

    private sealed record Row(int Line, Registration Registration, SendSms? Sms);

    public async Task<ImportReport> ImportAsync(Stream file, string fileName, string by, CancellationToken cancellation)
    {
        var hash = await SHA256.HashDataAsync(file, cancellation);
        file.Position = 0;
        var fileId = new Guid(hash.AsSpan(0, 16));
        if (await EarlierAsync(fileId, cancellation) is { } earlier)
        {
            return earlier;
        }

        var now = clock.GetUtcNow();
        var (rows, problems, lines) = Prepare(file, fileId, now);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var taken = await WriteAsync(rows, new DeclarationsFileImported(
                    fileId, Path.GetFileName(fileName), Convert.ToHexStringLower(hash), [.. rows.Select(row => row.Registration.Importer).Distinct().Order()],
                    lines, 0, 0, by, now), cancellation);
                var takenLines = taken.Select(problem => problem.Line).ToHashSet();
                return new ImportReport(
                    fileId, false, rows.Count - takenLines.Count, [.. problems.Concat(taken).OrderBy(problem => problem.Line)],
                    [.. rows.Where(row => row.Sms is not null && !takenLines.Contains(row.Line)).Select(row => row.Sms!)]);
            }
            catch (Exception exception) when (attempt < Attempts
                && (exception as PostgresException ?? exception.InnerException as PostgresException) is { } refused && Registrations.IsTakenImei(refused))
            {
                // An IMEI of the file was taken by a declaration, repair or correction since the check: check again.
            }
            catch (ExistingStreamIdCollisionException)
            {
                return await EarlierAsync(fileId, cancellation) ?? throw new InvalidOperationException("A file's record vanished.");
            }
        }
    }

    private async Task<ImportReport?> EarlierAsync(Guid fileId, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(fileId, token: cancellation);
        return events is [{ Data: DeclarationsFileImported earlier }, ..] ? new ImportReport(fileId, true, earlier.Imported, [], []) : null;
    }

    private static (List<Row> Rows, List<LineProblem> Problems, int Lines) Prepare(Stream file, Guid fileId, DateTimeOffset now)
    {
        var rows = new List<Row>();
        var problems = new List<LineProblem>();
        var firstLineOf = new Dictionary<long, int>();
        var lines = 0;
        using var text = new StreamReader(file, leaveOpen: true);
        foreach (var line in DeclarationCsv.Read(text, now))
        {
            lines++;
            if (line.Problem is { } problem)
            {
                problems.Add(problem);
                continue;
            }

            var declaration = line.Declaration!;
            var repeated = declaration.Imeis.Select((imei, slot) => (Slot: slot, Earlier: firstLineOf.GetValueOrDefault(long.Parse(imei, System.Globalization.CultureInfo.InvariantCulture))))
                .FirstOrDefault(imei => imei.Earlier > 0);
            if (repeated.Earlier > 0)
            {
                problems.Add(new LineProblem(line.Line, $"imei{repeated.Slot + 1}", $"already declared on line {repeated.Earlier}"));
                continue;
            }

            foreach (var imei in declaration.Imeis)
            {
                firstLineOf[long.Parse(imei, System.Globalization.CultureInfo.InvariantCulture)] = line.Line;
            }

            var (registration, sms) = DeclarationRules.Registration(Guid.CreateVersion7(), declaration, now, fileId);
            rows.Add(new Row(line.Line, registration, sms));
        }

        return (rows, problems, lines - problems.Count(problem => problem.Field == "header"));
    }

    /// <summary>
    /// One transaction: COPY into staging, drop and report the lines whose IMEIs are held, move the rest, record
    /// the file. The staging table is analysed so that the planner knows its size (a temporary table has no statistics).
    /// </summary>
    private async Task<IReadOnlyList<LineProblem>> WriteAsync(List<Row> rows, DeclarationsFileImported record, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(cancellation);
        var connection = session.Connection!;
        await ExecuteAsync(connection, $"create temp table {Staging} (line int not null, like {Registrations.Table}) on commit drop", cancellation);
        await CopyAsync(connection, rows, cancellation);
        await ExecuteAsync(connection, $"analyze {Staging}", cancellation);

        var taken = new List<LineProblem>();
        await using (var check = new NpgsqlCommand(
            $"""
            with taken as (
                select d.line, x.imei, x.slot
                from {Staging} d cross join lateral unnest(d.imeis) with ordinality as x(imei, slot)
                join {Registrations.ImeiTable} i on i.imei = x.imei),
            dropped as (delete from {Staging} d using taken t where d.line = t.line)
            select line, imei, slot from taken order by line, slot
            """, connection))
        await using (var reader = await check.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                var line = reader.GetInt32(0);
                if (taken.Count == 0 || taken[^1].Line != line)
                {
                    taken.Add(new LineProblem(line, $"imei{reader.GetInt64(2)}", $"IMEI {reader.GetString(1)} is already registered"));
                }
            }
        }

        await ExecuteAsync(connection, $"""
            insert into {Registrations.Table} ({Registrations.Columns}) select {Registrations.Columns} from {Staging};
            insert into {Registrations.ImeiTable} (imei, device_id) select x.imei, d.device_id from {Staging} d cross join lateral unnest(d.imeis) as x(imei);
            """, cancellation);
        var imported = rows.Count - taken.Count;
        session.Events.StartStream(record.FileId, record with { Imported = imported, Skipped = record.Lines - imported });
        await session.SaveChangesAsync(cancellation);
        return taken;
    }

    /// <summary>Binary COPY; rows are written to Npgsql's buffer synchronously and sent as it fills (an await per field cost more than the COPY itself).</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, List<Row> rows, CancellationToken cancellation)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            $"copy {Staging} (line, {Registrations.Columns}) from stdin (format binary)", cancellation);
        foreach (var (line, r, _) in rows)
        {
            cancellation.ThrowIfCancellationRequested();
            copy.StartRow();
            copy.Write(line, NpgsqlDbType.Integer);
            copy.Write(r.DeviceId, NpgsqlDbType.Uuid);
            copy.Write(r.Imeis.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            copy.Write(r.Brand, NpgsqlDbType.Text);
            copy.Write(r.Model, NpgsqlDbType.Text);
            copy.Write(r.ImportType.ToString(), NpgsqlDbType.Text);
            copy.Write(r.Importer, NpgsqlDbType.Text);
            WriteNullable(copy, r.Traveller?.NationalId, NpgsqlDbType.Text);
            WriteNullable(copy, r.Traveller?.Sim, NpgsqlDbType.Text);
            WriteNullable(copy, r.Traveller?.FeePaid, NpgsqlDbType.Boolean);
            WriteNullable(copy, r.Traveller?.RegisteredAt, NpgsqlDbType.TimestampTz);
            WriteNullable(copy, r.ActivationCodeHash, NpgsqlDbType.Text);
            WriteNullable(copy, r.ActivationCodeReason?.ToString(), NpgsqlDbType.Text);
            copy.Write(r.DeclaredAt, NpgsqlDbType.TimestampTz);
            WriteNullable(copy, r.DeclarationsFile, NpgsqlDbType.Uuid);
        }

        await copy.CompleteAsync(cancellation);
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, type);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
