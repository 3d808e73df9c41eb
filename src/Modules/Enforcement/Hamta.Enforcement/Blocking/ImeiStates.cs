using Hamta.Enforcement.States;
using Marten;

namespace Hamta.Enforcement.Blocking;

/// <summary>Reads and writes of immediate states, in the handler's session so that they commit with its outgoing messages.</summary>
public static class ImeiStates
{
    public static async Task<IReadOnlySet<string>> InConditionAsync(IQuerySession session, IReadOnlyList<string> imeis, string condition, CancellationToken cancellation) =>
        (await session.QueryAsync<string>($"select imei from {EnforcementStorage.States} where imei = any(?) and condition = ?", cancellation,
            imeis.ToArray(), condition)).ToHashSet();

    /// <summary>
    /// Adds the states, blocked from their start, with a <c>blocked</c> change each. A state that appeared meanwhile is left as it is and gets
    /// no change, so a block applied twice is recorded once.
    /// </summary>
    public static void Block(IDocumentSession session, IReadOnlyList<ImmediateState> states)
    {
        foreach (var group in states.GroupBy(s => (s.Condition, s.Reason, s.Cause, s.At)))
        {
            session.QueueSqlCommand(
                $"""
                with added as (
                    insert into {EnforcementStorage.States} (imei, condition, blocking, reason, met_at, deadline, blocked_at, cause)
                    select imei, ?, true, ?, ?, ?, ?, ? from unnest(?::text[]) as imei
                    on conflict do nothing
                    returning imei, condition, cause, met_at, deadline)
                insert into {EnforcementStorage.Changes} (imei, condition, change, cause, at, deadline)
                    select imei, condition, '{ImeiTrail.Blocked}', cause, met_at, deadline from added
                """,
                group.Key.Condition, group.Key.Reason, group.Key.At, group.Key.At, group.Key.At, group.Key.Cause, group.Select(s => s.Imei).ToArray());
        }
    }

    /// <summary>Deletes the IMEIs' states in the condition with a <c>lifted</c> change each.</summary>
    public static void Lift(IDocumentSession session, IReadOnlyList<string> imeis, string condition, string cause, DateTimeOffset at)
    {
        if (imeis.Count == 0)
        {
            return;
        }

        session.QueueSqlCommand(
            $"""
            with lifted as (
                delete from {EnforcementStorage.States} where imei = any(?) and condition = ? returning imei, condition)
            insert into {EnforcementStorage.Changes} (imei, condition, change, cause, at)
                select imei, condition, '{ImeiTrail.Lifted}', ?, ? from lifted
            """,
            imeis.ToArray(), condition, cause, at);
    }
}
