using System.Security.Cryptography;
using Hamta.Devices.Contracts;
using Hamta.Devices.Declaring;
using Hamta.Devices.Registry;
using Hamta.Kernel.Notifications;
using Marten;
using Marten.Exceptions;
using Npgsql;
using NpgsqlTypes;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace Hamta.Devices.Importing;

/// <summary>The record of an imported declarations file, the one event on its stream (the stream's id comes from the file's SHA-256).</summary>
public sealed record DeclarationsFileImported(
    Guid FileId, string FileName, string Sha256, IReadOnlyList<string> Importers, int Lines, int Imported, int Skipped, string By, DateTimeOffset ImportedAt);

/// <summary>What an import did: devices imported, lines skipped with where and why, and the SMS the caller must send.</summary>
public sealed record ImportReport(Guid FileId, bool AlreadyImported, int Imported, IReadOnlyList<LineProblem> Problems, IReadOnlyList<SendSms> Notifications)
{
    /// <summary>How long each step of the import took, in order (the command line prints them).</summary>
    public IReadOnlyList<ImportPhase> Phases { get; init; } = [];
}

/// <summary>Times the steps of an import one after another.</summary>
internal sealed class ImportPhases
{
    private readonly List<ImportPhase> done = [];
    private long mark = System.Diagnostics.Stopwatch.GetTimestamp();

    public IReadOnlyList<ImportPhase> Done => done;

    public void End(string name)
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        done.Add(new ImportPhase(name, System.Diagnostics.Stopwatch.GetElapsedTime(mark, now)));
        mark = now;
    }
}

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
/// Imports a declarations file as one batch: every line is checked, the good ones are copied (PostgreSQL COPY)
/// into the registration list, and the file's record is appended, all in one transaction. Lines whose IMEIs are
/// already held are reported and skipped, and so are traveller lines of a traveller who declared a device less
/// than a year ago (or earlier in the file); a file already imported (same SHA-256) is recognised and changes
/// nothing. An ordinary file holds no IMEI the registry has, so the rows are copied straight into the two tables
/// and the IMEIs' key checks them; only when the key refuses one is the file written again through a staging
/// table that finds every such line, so that all of them are reported.
/// </summary>
public sealed class DeclarationImporter(IDocumentStore store, TimeProvider clock, OutboxedSessionFactory outbox, IWolverineRuntime runtime)
{
    private const int Attempts = 4;
    private const string Staging = "declared";

    private sealed record Row(int Line, Registration Registration, long[] ImeiKeys, SendSms? Sms);

    /// <summary>
    /// Imports a file. With <paramref name="sendSms"/> the SMS it causes (a paid traveller's activation code) are
    /// published through Wolverine's outbox in the import's own transaction, so that none is lost if the node stops
    /// after the commit (a second run finds the file imported and would not send them); otherwise the report lists them
    /// for the caller to send.
    /// </summary>
    public async Task<ImportReport> ImportAsync(Stream file, string fileName, string by, CancellationToken cancellation, ImportProgress? progress = null,
        bool sendSms = false)
    {
        var phases = new ImportPhases();
        var hash = await SHA256.HashDataAsync(file, cancellation);
        file.Position = 0;
        var fileId = FileIdOf(hash);
        if (await EarlierAsync(fileId, cancellation) is { } earlier)
        {
            return earlier;
        }

        phases.End("file hash");
        var now = clock.GetUtcNow();
        progress ??= new ImportProgress();
        var reading = new Reading();
        MessageContext? messages = null;
        IDocumentSession Open()
        {
            // A fresh outbox for each attempt: the SMS of an attempt rolled back are never sent.
            messages = sendSms ? new MessageContext(runtime) : null;
            return messages is null ? store.LightweightSession() : outbox.OpenSession(messages);
        }

        async Task Commit(IDocumentSession session, IReadOnlySet<int> refusedLines)
        {
            var imported = reading.Rows.Count - refusedLines.Count;
            session.Events.StartStream(fileId, new DeclarationsFileImported(
                fileId, Path.GetFileName(fileName), Convert.ToHexStringLower(hash), [.. reading.Rows.Select(row => row.Registration.Importer).Distinct().Order()],
                reading.Lines, imported, reading.Lines - imported, by, now));
            if (messages is not null)
            {
                foreach (var sms in SmsOf(reading.Rows, refusedLines))
                {
                    await messages.PublishAsync(sms);
                }
            }

            await session.SaveChangesAsync(cancellation);
        }

        var staged = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var taken = staged
                    ? await WriteStagedAsync(reading.Rows, now, Open, Commit, phases, cancellation)
                    : await WriteDirectAsync(file, fileId, now, progress, reading, Open, Commit, phases, cancellation);
                var takenLines = taken.Select(problem => problem.Line).ToHashSet();
                progress.RefusedOnWrite(takenLines.Count);
                return new ImportReport(
                    fileId, false, reading.Rows.Count - takenLines.Count, [.. reading.Problems.Concat(taken).OrderBy(problem => problem.Line)],
                    sendSms ? [] : [.. SmsOf(reading.Rows, takenLines)])
                {
                    Phases = phases.Done,
                };
            }
            catch (Exception exception) when (attempt < Attempts
                && (exception as PostgresException ?? exception.InnerException as PostgresException) is { } refused && Registrations.IsTakenImei(refused))
            {
                // An IMEI of the file is held already (or was taken by a declaration, repair or correction since the check):
                // the staging path finds every such line.
                phases.End(staged ? "refused: an IMEI was taken meanwhile" : "refused: the file holds registered IMEIs");
                staged = true;
            }
            catch (ExistingStreamIdCollisionException)
            {
                return await EarlierAsync(fileId, cancellation) ?? throw new InvalidOperationException("A file's record vanished.");
            }
        }
    }

    /// <summary>The SMS of the rows that were imported.</summary>
    private static IEnumerable<SendSms> SmsOf(List<Row> rows, IReadOnlySet<int> refusedLines) =>
        rows.Where(row => row.Sms is not null && !refusedLines.Contains(row.Line)).Select(row => row.Sms!);

    /// <summary>A declarations file's id, made from its SHA-256: the same file has the same id wherever it comes from.</summary>
    public static Guid FileIdOf(byte[] sha256) => new(sha256.AsSpan(0, 16));

    private async Task<ImportReport?> EarlierAsync(Guid fileId, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(fileId, token: cancellation);
        return events is [{ Data: DeclarationsFileImported earlier }, ..] ? new ImportReport(fileId, true, earlier.Imported, [], []) : null;
    }

    /// <summary>The file's lines as read: the accepted rows, the refused lines and how many lines there were.</summary>
    private sealed class Reading
    {
        public List<Row> Rows { get; } = [];

        public List<LineProblem> Problems { get; } = [];

        public int Lines { get; set; }
    }

    /// <summary>Reads and checks every line; each accepted row is handed to <paramref name="accepted"/> as soon as it is read.</summary>
    private static void Read(Stream file, Guid fileId, DateTimeOffset now, ImportProgress progress, Reading reading, Action<Row> accepted)
    {
        var firstLineOf = new Dictionary<long, int>();
        var travellerLineOf = new Dictionary<string, int>();
        var lines = 0;
        using var text = new StreamReader(file, leaveOpen: true);
        foreach (var line in DeclarationCsv.Read(text, now))
        {
            lines++;
            var problem = line.Problem;
            long[] keys = [];
            if (problem is null)
            {
                keys = [.. line.Declaration!.Imeis.Select(imei => long.Parse(imei, System.Globalization.CultureInfo.InvariantCulture))];
                problem = Repeated(line, keys, firstLineOf, travellerLineOf);
            }

            progress.Counted(problem is null);
            if (problem is not null)
            {
                reading.Problems.Add(problem);
                continue;
            }

            var declaration = line.Declaration!;
            foreach (var key in keys)
            {
                firstLineOf[key] = line.Line;
            }

            if (declaration.Traveller is { } traveller)
            {
                travellerLineOf[traveller.NationalId] = line.Line;
            }

            var (registration, sms) = DeclarationRules.Registration(Guid.CreateVersion7(), declaration, now, fileId);
            var row = new Row(line.Line, registration, keys, sms);
            reading.Rows.Add(row);
            accepted(row);
        }

        reading.Lines = lines - reading.Problems.Count(problem => problem.Field == "header");
    }

    /// <summary>A line that repeats an IMEI or a traveller of an earlier line of the same file.</summary>
    private static LineProblem? Repeated(DeclarationLine line, long[] keys, Dictionary<long, int> firstLineOf, Dictionary<string, int> travellerLineOf)
    {
        var declaration = line.Declaration!;
        for (var slot = 0; slot < keys.Length; slot++)
        {
            if (firstLineOf.TryGetValue(keys[slot], out var earlierLine))
            {
                return new LineProblem(line.Line, $"imei{slot + 1}", LineRefusal.RepeatedInFile, Number(earlierLine));
            }
        }

        return declaration.Traveller is { } traveller && travellerLineOf.TryGetValue(traveller.NationalId, out var earlier)
            ? new LineProblem(line.Line, "traveller_national_id", LineRefusal.TravellerRepeatedInFile, Number(earlier))
            : null;
    }

    private static string Number(int line) => line.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// One transaction: the lines are read and checked while the accepted ones are copied (COPY) into the registrations,
    /// so that PostgreSQL stores rows while the next lines are read; then the rows of travellers who declared a device
    /// within the year are taken out again and reported, the IMEIs are copied in their order (the key's pages are
    /// written one after another), and the file is recorded. An IMEI already held fails the whole transaction on the key.
    /// </summary>
    private static async Task<IReadOnlyList<LineProblem>> WriteDirectAsync(
        Stream file, Guid fileId, DateTimeOffset now, ImportProgress progress, Reading reading, Func<IDocumentSession> open,
        Func<IDocumentSession, IReadOnlySet<int>, Task> commit, ImportPhases phases, CancellationToken cancellation)
    {
        await using var session = open();
        await session.BeginTransactionAsync(cancellation);
        var connection = session.Connection!;
        await using (var copy = await connection.BeginBinaryImportAsync($"copy {Registrations.Table} ({Registrations.Columns}) from stdin (format binary)", cancellation))
        {
            Read(file, fileId, now, progress, reading, row => WriteRow(copy, row, line: false, cancellation));
            await copy.CompleteAsync(cancellation);
        }

        phases.End("lines read and checked, registrations copied");
        progress.StartWriting();
        var refused = await RefuseTravellersDeclaredThisYearAsync(connection, fileId, reading.Rows, now, cancellation);
        var accepted = refused.Count == 0 ? reading.Rows : [.. reading.Rows.Where(row => !refused.Contains(row.Registration.DeviceId))];
        await CopyImeisAsync(connection, accepted, cancellation);
        phases.End("IMEIs copied and checked by their key");
        var problems = reading.Rows.Where(row => refused.Contains(row.Registration.DeviceId))
            .Select(row => new LineProblem(row.Line, "traveller_national_id", LineRefusal.TravellerDeclaredThisYear)).ToList();
        await commit(session, problems.Select(problem => problem.Line).ToHashSet());
        phases.End("file recorded and committed");
        return problems;
    }

    /// <summary>Deletes the file's rows of travellers who declared a device within the year (before this file) and returns their devices.</summary>
    private static async Task<HashSet<Guid>> RefuseTravellersDeclaredThisYearAsync(
        NpgsqlConnection connection, Guid fileId, List<Row> rows, DateTimeOffset now, CancellationToken cancellation)
    {
        var travellers = rows.Select(row => row.Registration.Traveller?.NationalId).OfType<string>().ToArray();
        var refused = new HashSet<Guid>();
        if (travellers.Length == 0)
        {
            return refused;
        }

        await using var command = new NpgsqlCommand(
            $"""
            delete from {Registrations.Table} r
            where r.declarations_file = $1 and r.traveller_national_id = any($2) and exists (
                select from {Registrations.Table} e
                where e.traveller_national_id = r.traveller_national_id and e.traveller_registered_at > $3 and e.declarations_file is distinct from $1)
            returning r.device_id
            """, connection)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = fileId }, new NpgsqlParameter { Value = travellers },
                new NpgsqlParameter { Value = now - DeclarationRules.TravellerAllowancePeriod },
            },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            refused.Add(reader.GetGuid(0));
        }

        return refused;
    }

    private static async Task CopyImeisAsync(NpgsqlConnection connection, List<Row> rows, CancellationToken cancellation)
    {
        var imeis = new (long Key, string Imei, Guid DeviceId)[rows.Sum(row => row.ImeiKeys.Length)];
        var next = 0;
        foreach (var row in rows)
        {
            for (var slot = 0; slot < row.ImeiKeys.Length; slot++)
            {
                imeis[next++] = (row.ImeiKeys[slot], row.Registration.Imeis[slot], row.Registration.DeviceId);
            }
        }

        Array.Sort(imeis, (a, b) => a.Key.CompareTo(b.Key));
        await using var copy = await connection.BeginBinaryImportAsync($"copy {Registrations.ImeiTable} (imei, device_id) from stdin (format binary)", cancellation);
        foreach (var (_, imei, deviceId) in imeis)
        {
            copy.StartRow();
            copy.Write(imei, NpgsqlDbType.Text);
            copy.Write(deviceId, NpgsqlDbType.Uuid);
        }

        await copy.CompleteAsync(cancellation);
    }

    /// <summary>
    /// One transaction: COPY into staging, drop and report the lines whose IMEIs are held and the traveller lines of
    /// travellers who declared a device within the year, move the rest, record the file. The staging table is
    /// analysed so that the planner knows its size (a temporary table has no statistics).
    /// </summary>
    private static async Task<IReadOnlyList<LineProblem>> WriteStagedAsync(
        List<Row> rows, DateTimeOffset now, Func<IDocumentSession> open, Func<IDocumentSession, IReadOnlySet<int>, Task> commit, ImportPhases phases,
        CancellationToken cancellation)
    {
        await using var session = open();
        await session.BeginTransactionAsync(cancellation);
        var connection = session.Connection!;
        await ExecuteAsync(connection, $"create temp table {Staging} (line int not null, like {Registrations.Table}) on commit drop", cancellation);
        await CopyAsync(connection, $"copy {Staging} (line, {Registrations.Columns}) from stdin (format binary)", rows, line: true, cancellation);
        await ExecuteAsync(connection, $"analyze {Staging}", cancellation);
        phases.End("staging copied");

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
        await commit(session, taken.Select(problem => problem.Line).ToHashSet());
        phases.End("held IMEIs found, the rest moved, file recorded and committed");
        return taken;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string sql, List<Row> rows, bool line, CancellationToken cancellation)
    {
        await using var copy = await connection.BeginBinaryImportAsync(sql, cancellation);
        foreach (var row in rows)
        {
            WriteRow(copy, row, line, cancellation);
        }

        await copy.CompleteAsync(cancellation);
    }

    /// <summary>Rows are written to Npgsql's buffer synchronously and sent as it fills (an await per field cost more than the COPY itself).</summary>
    private static void WriteRow(NpgsqlBinaryImporter copy, Row row, bool line, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var r = row.Registration;
        copy.StartRow();
        if (line)
        {
            copy.Write(row.Line, NpgsqlDbType.Integer);
        }

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
