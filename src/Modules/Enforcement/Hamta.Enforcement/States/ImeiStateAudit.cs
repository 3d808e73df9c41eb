using System.Diagnostics;
using Hamta.Kernel.Auditing;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Hamta.Enforcement.States;

/// <summary>
/// Proves <c>enforcement.imei_states</c> from <c>enforcement.changes</c>: the states are rebuilt by one statement as
/// <see cref="ImeiTrail"/> folds them (a condition from its first change after its last lift: met at, deadline,
/// reminded at, blocked at) and compared with the stored rows; an IMEI with a row missing, extra or different is a
/// difference. The stored rows are only read.
/// </summary>
public sealed class ImeiStateAudit(NpgsqlDataSource database) : IReadModelAudit
{
    private const string Rebuild = $"""
        with marked as (
            select imei, condition, change, at, deadline, id,
                   max(id) filter (where change = '{ImeiTrail.Lifted}') over (partition by imei, condition) as last_lift
            from {EnforcementStorage.Changes} where @imei is null or imei = @imei),
        rebuilt as (
            select imei, condition, (array_agg(at order by id))[1] as met_at, (array_agg(deadline order by id))[1] as deadline,
                   max(at) filter (where change = '{ImeiTrail.Reminded}') as reminded_at, max(at) filter (where change = '{ImeiTrail.Blocked}') as blocked_at
            from marked where id > coalesce(last_lift, 0) group by imei, condition),
        stored as (
            select imei, condition, met_at, deadline, reminded_at, blocked_at from {EnforcementStorage.States} where @imei is null or imei = @imei)
        select (select count(*) from marked), (select count(*) from stored),
               coalesce((select array_agg(distinct coalesce(r.imei, s.imei) order by coalesce(r.imei, s.imei))
                         from rebuilt r full join stored s on s.imei = r.imei and s.condition = r.condition
                         where r.imei is null or s.imei is null
                            or (r.met_at, r.deadline, r.reminded_at, r.blocked_at) is distinct from (s.met_at, s.deadline, s.reminded_at, s.blocked_at)), array[]::text[])
        """;

    public string Module => EnforcementModule.Schema;

    public async Task<ProjectionAuditReport> RunAsync(IQuerySession session, string? stream, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        await using var command = database.CreateCommand(Rebuild);
        command.Parameters.Add(new NpgsqlParameter("imei", NpgsqlDbType.Text) { Value = (object?)stream ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        await reader.ReadAsync(cancellation);
        return new ProjectionAuditReport(Module, "ImeiState", reader.GetInt64(0), (int)reader.GetInt64(1), reader.GetFieldValue<string[]>(2), watch.Elapsed);
    }
}
