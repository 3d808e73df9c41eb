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
/// How far an import has come: lines read, accepted and refused so far, and whether the accepted lines are being
/// written. Counted by the import, read by another thread while it runs (the upload page's progress bar).
/// </summary>
public sealed class ImportProgress
{
    private int read;
    private int accepted;
    private int refused;
    private int writing;

    public int Read => Volatile.Read(ref read);

    public int Accepted => Volatile.Read(ref accepted);

    public int Refused => Volatile.Read(ref refused);

    public bool Writing => Volatile.Read(ref writing) == 1;

    internal void Counted(bool isAccepted)
    {
        Interlocked.Increment(ref read);
        Interlocked.Increment(ref isAccepted ? ref accepted : ref refused);
    }

    internal void StartWriting() => Volatile.Write(ref writing, 1);

    /// <summary>The lines the database refused on writing (an IMEI already held, a traveller's second device) move from accepted to refused.</summary>
    internal void RefusedOnWrite(int lines)
    {
        Interlocked.Add(ref accepted, -lines);
        Interlocked.Add(ref refused, lines);
    }
}

/// <summary>
/// Imports a declarations file as one batch: every line is checked, the good ones are copied (PostgreSQL
/// COPY) into a staging table and moved into the registration list by set-based statements, and the
/// file's record is appended, all in one transaction. Lines whose IMEIs are already held are reported
/// and skipped, and so are traveller lines of a traveller who declared a device less than a year ago (or earlier
/// in the file); a file already imported (same SHA-256) is recognised and changes nothing.
/// </summary>
public sealed class DeclarationImporter(IDocumentStore store, TimeProvider clock)
{
    private const int Attempts = 3;
    private const string Staging = "declared";

    private sealed record Row(int Line, Registration Registration, SendSms? Sms);

    public async Task<ImportReport> ImportAsync(Stream file, string fileName, string by, CancellationToken cancellation, ImportProgress? progress = null)
    {
        var hash = await SHA256.HashDataAsync(file, cancellation);
        file.Position = 0;
        var fileId = FileIdOf(hash);
        if (await EarlierAsync(fileId, cancellation) is { } earlier)
        {
            return earlier;
        }

        var now = clock.GetUtcNow();
        progress ??= new ImportProgress();
        var (rows, problems, lines) = Prepare(file, fileId, now, progress);
        progress.StartWriting();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var taken = await WriteAsync(rows, now, new DeclarationsFileImported(
                    fileId, Path.GetFileName(fileName), Convert.ToHexStringLower(hash), [.. rows.Select(row => row.Registration.Importer).Distinct().Order()],
                    lines, 0, 0, by, now), cancellation);
                var takenLines = taken.Select(problem => problem.Line).ToHashSet();
                progress.RefusedOnWrite(takenLines.Count);
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

    /// <summary>A declarations file's id, made from its SHA-256: the same file has the same id wherever it comes from.</summary>
    public static Guid FileIdOf(byte[] sha256) => new(sha256.AsSpan(0, 16));

    private async Task<ImportReport?> EarlierAsync(Guid fileId, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(fileId, token: cancellation);
        return events is [{ Data: DeclarationsFileImported earlier }, ..] ? new ImportReport(fileId, true, earlier.Imported, [], []) : null;
    }

    private static (List<Row> Rows, List<LineProblem> Problems, int Lines) Prepare(Stream file, Guid fileId, DateTimeOffset now, ImportProgress progress)
    {
        var rows = new List<Row>();
        var problems = new List<LineProblem>();
        var firstLineOf = new Dictionary<long, int>();
        var travellerLineOf = new Dictionary<string, int>();
        var lines = 0;
        using var text = new StreamReader(file, leaveOpen: true);
        foreach (var line in DeclarationCsv.Read(text, now))
        {
            lines++;
            var problem = line.Problem ?? Repeated(line, firstLineOf, travellerLineOf);
            progress.Counted(problem is null);
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }

            var declaration = line.Declaration!;
            foreach (var imei in declaration.Imeis)
            {
                firstLineOf[long.Parse(imei, System.Globalization.CultureInfo.InvariantCulture)] = line.Line;
            }

            if (declaration.Traveller is { } traveller)
            {
                travellerLineOf[traveller.NationalId] = line.Line;
            }

            var (registration, sms) = DeclarationRules.Registration(Guid.CreateVersion7(), declaration, now, fileId);
            rows.Add(new Row(line.Line, registration, sms));
        }

        return (rows, problems, lines - problems.Count(problem => problem.Field == "header"));
    }

    /// <summary>A line that repeats an IMEI or a traveller of an earlier line of the same file.</summary>
    private static LineProblem? Repeated(DeclarationLine line, Dictionary<long, int> firstLineOf, Dictionary<string, int> travellerLineOf)
    {
        var declaration = line.Declaration!;
        var repeated = declaration.Imeis.Select((imei, slot) => (Slot: slot, Earlier: firstLineOf.GetValueOrDefault(long.Parse(imei, System.Globalization.CultureInfo.InvariantCulture))))
            .FirstOrDefault(imei => imei.Earlier > 0);
        if (repeated.Earlier > 0)
        {
            return new LineProblem(line.Line, $"imei{repeated.Slot + 1}", LineRefusal.RepeatedInFile, Number(repeated.Earlier));
        }

        return declaration.Traveller is { } traveller && travellerLineOf.TryGetValue(traveller.NationalId, out var earlier)
            ? new LineProblem(line.Line, "traveller_national_id", LineRefusal.TravellerRepeatedInFile, Number(earlier))
            : null;
    }

    private static string Number(int line) => line.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// One transaction: COPY into staging, drop and report the lines whose IMEIs are held and the traveller lines of
    /// travellers who declared a device within the year, move the rest, record the file. The staging table is
    /// analysed so that the planner knows its size (a temporary table has no statistics).
    /// </summary>
    private async Task<IReadOnlyList<LineProblem>> WriteAsync(List<Row> rows, DateTimeOffset now, DeclarationsFileImported record, CancellationToken cancellation)
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
                    taken.Add(new LineProblem(line, $"imei{reader.GetInt64(2)}", LineRefusal.ImeiAlreadyRegistered, reader.GetString(1)));
                }
            }
        }

        await using (var travellers = new NpgsqlCommand(
            $"""
            with declared as (
                select d.line from {Staging} d
                where d.traveller_national_id is not null and exists (
                    select from {Registrations.Table} r
                    where r.traveller_national_id = d.traveller_national_id and r.traveller_registered_at > $1)),
            dropped as (delete from {Staging} d using declared t where d.line = t.line)
            select line from declared order by line
            """, connection) { Parameters = { new NpgsqlParameter { Value = now - DeclarationRules.TravellerAllowancePeriod } } })
        await using (var reader = await travellers.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                taken.Add(new LineProblem(reader.GetInt32(0), "traveller_national_id", LineRefusal.TravellerDeclaredThisYear));
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
