using Hamta.Bench;

namespace Hamta.Faults;

/// <summary>What became of the tickets of one run, counted in the database against what the subscribers were told.</summary>
public sealed record TicketAccount(int Accepted, int Unanswered, int Found, int Lost, int Duplicated, int SmsOnce, int SmsTwice, int SmsNever)
{
    public bool Clean => Lost == 0 && Duplicated == 0 && SmsTwice == 0 && SmsNever == 0;

    public string Describe() => FaultContext.F(
        $"{Accepted} accepted, {Found} found, {Lost} lost, {Duplicated} duplicated; SMS once {SmsOnce} / twice or more {SmsTwice} / never {SmsNever}")
        + (Unanswered > 0 ? FaultContext.F($"; {Unanswered} posts got no ticket within 90 s") : "");

    public static async Task<TicketAccount> OfAsync(Database database, string run, IReadOnlyCollection<FiledTicket> filed)
    {
        var rows = await database.RowsAsync($"""
            with sent as (
              select substring(s.data->>'Text' from 'تیکت ([۰-۹]+) ثبت شد') as number, count(*) as sms
              from notifications.mt_doc_smsmessage s group by 1)
            select t.data->>'Description', (t.data->>'Number')::bigint, coalesce(sent.sms, 0)
            from tickets.mt_doc_ticket t
            left join sent on sent.number = translate(t.data->>'Number', '0123456789', '۰۱۲۳۴۵۶۷۸۹')
            where t.data->>'Description' like '{run}-%'
            """);
        var stored = rows.Select(r => (Description: (string)r[0], Number: (long)r[1], Sms: (long)r[2])).ToList();
        var numbers = stored.Select(s => s.Number).ToHashSet();
        var accepted = filed.Where(f => f.Number is not null).ToList();
        return new TicketAccount(
            accepted.Count,
            filed.Count(f => f.Number is null),
            stored.Count,
            accepted.Count(f => !numbers.Contains(f.Number!.Value)),
            stored.GroupBy(s => s.Description).Sum(g => g.Count() - 1),
            stored.Count(s => s.Sms == 1),
            stored.Count(s => s.Sms > 1),
            stored.Count(s => s.Sms == 0));
    }
}
