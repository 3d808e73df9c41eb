using System.Text.Json;
using Hamta.Enforcement.Conditions;
using Hamta.Enforcement.Contracts;
using Hamta.Enforcement.Warnings;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Wolverine;
using Wolverine.Runtime.Handlers;

namespace Hamta.Enforcement.Classifying;

/// <summary>
/// A classification run (ADR 23): the conditions are matched over the window's sightings in SQL, the safety cap is
/// checked, and the states, their changes and the run's record are written in one transaction with the SMS and
/// <see cref="EnforcementStatesChanged"/> in its outbox. Run twice, the second run finds nothing new: one warning.
/// </summary>
public static partial class ClassifyImeisHandler
{
    /// <summary>A run over a national window's sightings takes minutes; Wolverine's default minute is too short.</summary>
    public static void Configure(HandlerChain chain) => chain.ExecutionTimeoutInSeconds = 3600;

    public static async Task<OutgoingMessages> Handle(ClassifyImeis command, IDocumentSession session, TimeProvider clock,
        IOptions<EnforcementSettings> options, EnforcementMetrics metrics, ILogger<ClassificationRun> logger, CancellationToken cancellation)
    {
        var settings = options.Value;
        var now = command.AsOf ?? clock.GetUtcNow();
        var partial = command.Imeis is not null;
        var run = Guid.NewGuid();
        await session.BeginTransactionAsync(cancellation);
        var connection = (NpgsqlConnection)session.Connection!;

        await Execute(connection, ClassificationSql.Lock, _ => { }, cancellation);
        void Window(NpgsqlCommand c)
        {
            c.Parameters.AddWithValue("from", now - settings.Window);
            c.Parameters.AddWithValue("now", now);
            if (command.Imeis is { } imeis)
            {
                c.Parameters.Add(new NpgsqlParameter("imeis", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = imeis.ToArray() });
            }
        }

        await Execute(connection, ClassificationSql.LatestSightings(partial), Window, cancellation);
        long seen = 0;
        await Read(connection, ClassificationSql.CountLatest, _ => { }, r => seen = r.GetInt64(0), cancellation);
        await Execute(connection, ClassificationSql.MatchConditions(settings.Conditions, partial), c =>
        {
            Window(c);
            for (var i = 0; i < settings.Conditions.Count; i++)
            {
                c.Parameters.AddWithValue($"label{i}", settings.Conditions[i].Label);
                c.Parameters.AddWithValue($"days{i}", settings.Conditions[i].Days);
                c.Parameters.AddWithValue($"imsis{i}", settings.Conditions[i].ImsisPerDay);
            }
        }, cancellation);

        var matched = new Dictionary<string, long>();
        await Read(connection, ClassificationSql.CountMatches, _ => { }, r => matched[r.GetString(0)] = r.GetInt64(1), cancellation);
        var counts = SafetyCheck.Decide(settings.Conditions, matched, seen);
        if (!partial && SafetyCheck.Stops(counts))
        {
            foreach (var count in counts.Where(c => c.TooMany))
            {
                SafetyStop(logger, run, count.Condition, count.Matched, count.Share, seen, count.MaxRatio);
            }

            metrics.Stopped();
            Record(session, new ClassificationRun(run, command.Cause, now, command.AsOf ?? clock.GetUtcNow(), partial, seen, true, 0, 0, 0, 0,
                Figures(counts, new Dictionary<string, int>(), new Dictionary<string, int>())));
            return [];
        }

        void Parameters(NpgsqlCommand c)
        {
            Window(c);
            c.Parameters.AddWithValue("cause", command.Cause);
            c.Parameters.AddWithValue("run", run);
            c.Parameters.AddWithValue("reminder", settings.Reminder);
            c.Parameters.Add(new NpgsqlParameter("labels", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = settings.Conditions.Select(x => x.Label).ToArray() });
            c.Parameters.Add(new NpgsqlParameter("blocking", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = settings.Conditions.Select(x => x.Blocking).ToArray() });
            c.Parameters.Add(new NpgsqlParameter("reasons", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = settings.Conditions.Select(x => x.Reason).ToArray() });
            c.Parameters.Add(new NpgsqlParameter("grace", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = settings.Conditions.Select(x => x.GraceDays).ToArray() });
        }

        var changes = new List<(StateChange Change, string? NationalId)>();
        await Read(connection, ClassificationSql.Apply(partial), Parameters, r => changes.Add((new StateChange(
            r.GetString(0) == "met" ? NoticeChange.Met : NoticeChange.Lifted, r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
            r.GetString(4), r.GetBoolean(5), r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6)), r.IsDBNull(7) ? null : r.GetString(7))), cancellation);
        var blocked = await Execute(connection, ClassificationSql.Block(partial), Parameters, cancellation);
        var reminders = new List<StateChange>();
        await Read(connection, ClassificationSql.Remind(partial), Parameters, r => reminders.Add(new StateChange(NoticeChange.Reminded,
            r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), true, r.GetFieldValue<DateTimeOffset>(4))), cancellation);

        var mismatches = await MismatchDevicesAsync(connection, settings, changes, cancellation);
        var notices = changes.Select(c => c.Change with { MismatchDevice = mismatches.GetValueOrDefault(c.Change.Imei) }).Concat(reminders).ToList();
        var met = notices.Where(c => c.Change == NoticeChange.Met).ToList();
        var lifted = notices.Where(c => c.Change == NoticeChange.Lifted).ToList();
        metrics.Applied();
        if (!partial || met.Count + lifted.Count + blocked + reminders.Count > 0)
        {
            Record(session, new ClassificationRun(run, command.Cause, now, command.AsOf ?? clock.GetUtcNow(), partial, seen, false, met.Count, lifted.Count, blocked,
                reminders.Count, Figures(counts, PerCondition(met), PerCondition(lifted))));
        }

        Applied(logger, run, command.Cause, seen, met.Count, lifted.Count, blocked, reminders.Count);

        var messages = new OutgoingMessages();
        messages.AddRange(EnforcementNotices.For(notices, settings));
        if (met.Count + lifted.Count + blocked > 0)
        {
            messages.Add(new EnforcementStatesChanged(run, now));
        }

        return messages;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Classification run {Run} stopped: condition {Condition} matched {Matched} IMEIs, {Share:P2} of {Seen}, above its cap of {MaxRatio:P2}; nothing was applied")]
    private static partial void SafetyStop(ILogger logger, Guid run, string condition, long matched, double share, long seen, double maxRatio);

    [LoggerMessage(Level = LogLevel.Information, Message = "Classification run {Run} ({Cause}): {Seen} IMEIs seen, {Met} met, {Lifted} lifted, {Blocked} blocked, {Reminded} reminded")]
    private static partial void Applied(ILogger logger, Guid run, string cause, long seen, int met, int lifted, int blocked, int reminded);

    private static List<RunCondition> Figures(IReadOnlyList<ConditionCount> counts, IReadOnlyDictionary<string, int> met, IReadOnlyDictionary<string, int> lifted) =>
        counts.Select(c => new RunCondition(c.Condition, c.Matched, c.Share, c.MaxRatio, c.TooMany, met.GetValueOrDefault(c.Condition), lifted.GetValueOrDefault(c.Condition))).ToList();

    private static Dictionary<string, int> PerCondition(IEnumerable<StateChange> changes) =>
        changes.GroupBy(c => c.Condition).ToDictionary(g => g.Key, g => g.Count());

    private static async Task<IReadOnlyDictionary<string, string>> MismatchDevicesAsync(NpgsqlConnection connection, EnforcementSettings settings,
        IReadOnlyList<(StateChange Change, string? NationalId)> changes, CancellationToken cancellation)
    {
        var unregistered = changes
            .Where(c => c is { Change.Change: NoticeChange.Met, NationalId: not null } && settings.Find(c.Change.Condition)?.Kind == ConditionKind.NotRegistered)
            .ToList();
        var devices = new Dictionary<string, string>();
        if (unregistered.Count > 0)
        {
            await Read(connection, ClassificationSql.MismatchDevices, c =>
            {
                c.Parameters.Add(new NpgsqlParameter("imeis", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = unregistered.Select(x => x.Change.Imei).ToArray() });
                c.Parameters.Add(new NpgsqlParameter("national_ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = unregistered.Select(x => x.NationalId!).ToArray() });
            }, r => devices[r.GetString(0)] = r.GetString(1), cancellation);
        }

        return devices;
    }

    /// <summary>Queued in the session, so that a run that changed nothing is recorded (and committed) too.</summary>
    private static void Record(IDocumentSession session, ClassificationRun run) =>
        session.QueueSqlCommand(ClassificationSql.RecordRun, run.Id, run.Cause, run.StartedAt, run.FinishedAt, run.Partial, run.ImeisSeen, run.Stopped,
            run.Met, run.Lifted, run.Blocked, run.Reminded, JsonSerializer.Serialize(run.Conditions));

    /// <summary>
    /// The statements run without Npgsql's 30-second limit: over a national window's sightings they take longer, and the
    /// job's own cancellation still stops them.
    /// </summary>
    private static async Task<int> Execute(NpgsqlConnection connection, string sql, Action<NpgsqlCommand> parameters, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        parameters(command);
        return await command.ExecuteNonQueryAsync(cancellation);
    }

    private static async Task Read(NpgsqlConnection connection, string sql, Action<NpgsqlCommand> parameters, Action<NpgsqlDataReader> row, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        parameters(command);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            row(reader);
        }
    }
}
