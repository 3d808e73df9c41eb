using Hamta.Devices.Contracts;
using Marten;
using Npgsql;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Hamta.Devices.Registry;

/// <summary>
/// The registration list: <c>devices.registrations</c>, one insert-only row per declared device, and
/// <c>devices.imeis</c>, each IMEI with the device that holds it now. The IMEI is that table's primary
/// key: the database's word that an IMEI belongs to one device, whoever races for it (ADR 17).
/// </summary>
public static class Registrations
{
    public static readonly PostgresqlObjectName Table = new(DevicesModule.Schema, "registrations", SchemaUtils.IdentifierUsage.General);
    public static readonly PostgresqlObjectName ImeiTable = new(DevicesModule.Schema, "imeis", SchemaUtils.IdentifierUsage.General);

    /// <summary>Each IMEI a device no longer has (replaced by a correction or a repair), kept for the auditors' search.</summary>
    public const string FormerImeiTable = DevicesModule.Schema + ".former_imeis";

    public const string Columns =
        "device_id, imeis, brand, model, import_type, importer, traveller_national_id, traveller_sim, traveller_fee_paid, "
        + "traveller_registered_at, activation_code_hash, activation_code_reason, declared_at, declarations_file";

    public static IEnumerable<ISchemaObject> SchemaObjects()
    {
        var registrations = new Table(Table);
        registrations.AddColumn<Guid>("device_id").AsPrimaryKey();
        registrations.AddColumn("imeis", "text[]").NotNull();
        registrations.AddColumn<string>("brand").NotNull();
        registrations.AddColumn<string>("model").NotNull();
        registrations.AddColumn<string>("import_type").NotNull();
        registrations.AddColumn<string>("importer").NotNull();
        registrations.AddColumn<string>("traveller_national_id");
        registrations.AddColumn<string>("traveller_sim");
        registrations.AddColumn<bool>("traveller_fee_paid");
        registrations.AddColumn("traveller_registered_at", "timestamptz");
        registrations.AddColumn<string>("activation_code_hash");
        registrations.AddColumn<string>("activation_code_reason");
        registrations.AddColumn("declared_at", "timestamptz").NotNull();
        registrations.AddColumn<Guid>("declarations_file");
        registrations.Indexes.Add(new IndexDefinition("registrations_traveller_national_id") { Columns = ["traveller_national_id"], Predicate = "traveller_national_id is not null" });

        var imeis = new Table(ImeiTable);
        imeis.AddColumn<string>("imei").AsPrimaryKey();
        imeis.AddColumn<Guid>("device_id").NotNull();
        return [registrations, imeis];
    }

    public static async Task<Registration?> ByImeiAsync(IQuerySession session, string imei, CancellationToken cancellation) =>
        (await ReadAsync(session, $"select {Prefixed("r")} from {ImeiTable} i join {Table} r on r.device_id = i.device_id where i.imei = $1", imei, cancellation))
        .SingleOrDefault();

    public static async Task<Registration?> ByDeviceAsync(IQuerySession session, Guid deviceId, CancellationToken cancellation) =>
        (await ReadAsync(session, $"select {Columns} from {Table} where device_id = $1", deviceId, cancellation)).SingleOrDefault();

    public static Task<IReadOnlyList<Registration>> ByDevicesAsync(IQuerySession session, Guid[] deviceIds, CancellationToken cancellation) =>
        ReadAsync(session, $"select {Columns} from {Table} where device_id = any($1)", deviceIds, cancellation);

    public static Task<IReadOnlyList<Registration>> ByTravellerAsync(IQuerySession session, string nationalId, CancellationToken cancellation) =>
        ReadAsync(session, $"select {Columns} from {Table} where traveller_national_id = $1", nationalId, cancellation);

    /// <summary>When a traveller last brought a device in (the traveller rule, one a year), if ever.</summary>
    public static async Task<DateTimeOffset?> LastTravellerDeclarationAsync(IQuerySession session, string nationalId, CancellationToken cancellation) =>
        (await session.QueryAsync<DateTimeOffset>(
            $"select traveller_registered_at from {Table} where traveller_national_id = ? order by traveller_registered_at desc limit 1", cancellation, nationalId))
        .Select(at => (DateTimeOffset?)at).SingleOrDefault();

    /// <summary>The device that holds an IMEI now, if any.</summary>
    public static async Task<Guid?> HolderAsync(IQuerySession session, string imei, CancellationToken cancellation) =>
        (await session.QueryAsync<Guid>($"select device_id from {ImeiTable} where imei = ?", cancellation, imei)).Select(id => (Guid?)id).SingleOrDefault();

    /// <summary>The devices that hold any of the IMEIs now.</summary>
    public static async Task<IReadOnlyList<Guid>> HoldersAsync(IQuerySession session, IReadOnlyList<string> imeis, CancellationToken cancellation) =>
        await session.QueryAsync<Guid>($"select distinct device_id from {ImeiTable} where imei = any(?)", cancellation, (object)imeis.ToArray());

    public static async Task<IReadOnlyList<string>> TakenAsync(IQuerySession session, IReadOnlyList<string> imeis, CancellationToken cancellation) =>
        await session.QueryAsync<string>($"select imei from {ImeiTable} where imei = any(?)", cancellation, (object)imeis.ToArray());

    /// <summary>Queues the registration and its IMEIs in the session's transaction; an IMEI already held fails the whole transaction.</summary>
    public static void Insert(IDocumentSession session, Registration registration)
    {
        session.QueueSqlCommand(
            $"insert into {Table} ({Columns}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            registration.DeviceId, registration.Imeis.ToArray(), registration.Brand, registration.Model, registration.ImportType.ToString(),
            registration.Importer, Nullable(registration.Traveller?.NationalId), Nullable(registration.Traveller?.Sim),
            registration.Traveller is { } traveller ? traveller.FeePaid : DBNull.Value,
            registration.Traveller is { } t ? t.RegisteredAt : DBNull.Value, Nullable(registration.ActivationCodeHash),
            Nullable(registration.ActivationCodeReason?.ToString()), registration.DeclaredAt, DBNull.Value);
        foreach (var imei in registration.Imeis)
        {
            Claim(session, imei, registration.DeviceId);
        }
    }

    public static void Claim(IDocumentSession session, string imei, Guid deviceId) =>
        session.QueueSqlCommand($"insert into {ImeiTable} (imei, device_id) values (?, ?)", imei, deviceId);

    /// <summary>The device gives the IMEI up: it becomes free, and is remembered as the device's former IMEI.</summary>
    public static void Release(IDocumentSession session, string imei, Guid deviceId, DateTimeOffset at)
    {
        session.QueueSqlCommand($"delete from {ImeiTable} where imei = ? and device_id = ?", imei, deviceId);
        session.QueueSqlCommand(
            $"insert into {FormerImeiTable} (imei, device_id, replaced_at) values (?, ?, ?) on conflict (imei, device_id) do update set replaced_at = excluded.replaced_at",
            imei, deviceId, at);
    }

    /// <summary>The device that last gave an IMEI up, if any.</summary>
    public static async Task<Guid?> FormerHolderAsync(IQuerySession session, string imei, CancellationToken cancellation) =>
        (await session.QueryAsync<Guid>($"select device_id from {FormerImeiTable} where imei = ? order by replaced_at desc limit 1", cancellation, imei))
        .Select(id => (Guid?)id).SingleOrDefault();

    public static bool IsTakenImei(PostgresException exception) =>
        exception is { SqlState: PostgresErrorCodes.UniqueViolation, TableName: HeldImeis.Table };

    public static Registration Read(NpgsqlDataReader reader)
    {
        var traveller = reader.IsDBNull(6)
            ? null
            : new TravellerDeclaration(reader.GetString(6), reader.GetString(7), reader.GetBoolean(8), reader.GetFieldValue<DateTimeOffset>(9));
        return new Registration(
            reader.GetGuid(0), reader.GetFieldValue<string[]>(1), reader.GetString(2), reader.GetString(3), Enum.Parse<ImportType>(reader.GetString(4)),
            reader.GetString(5), traveller, reader.IsDBNull(10) ? null : reader.GetString(10),
            reader.IsDBNull(11) ? null : Enum.Parse<ActivationCodeReason>(reader.GetString(11)), reader.GetFieldValue<DateTimeOffset>(12),
            reader.IsDBNull(13) ? null : reader.GetGuid(13));
    }

    private static string Prefixed(string alias) => string.Join(", ", Columns.Split(", ").Select(column => $"{alias}.{column}"));

    private static object Nullable(string? value) => value is null ? DBNull.Value : value;

    private static async Task<IReadOnlyList<Registration>> ReadAsync(IQuerySession session, string sql, object parameter, CancellationToken cancellation)
    {
        await using var connection = await ((Weasel.Postgresql.PostgresqlDatabase)session.Database).DataSource.OpenConnectionAsync(cancellation);
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new NpgsqlParameter { Value = parameter } } };
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var rows = new List<Registration>();
        while (await reader.ReadAsync(cancellation))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }
}
