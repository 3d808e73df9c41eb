using Hamta.Enforcement.Blocking;
using Hamta.Enforcement.Contracts;
using Hamta.Enforcement.States;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hamta.Enforcement.Lists;

public static class ListQueryHandler
{
    /// <summary>Every list of every configured operator, at version 0 until its first publication.</summary>
    public static async Task<IReadOnlyList<ListVersion>> Handle(GetListVersions query, ListReader reader, IOptions<ListSettings> settings, CancellationToken cancellation)
    {
        var published = await reader.VersionsAsync(cancellation);
        var expected = EnforcementLists.All.SelectMany(list =>
            list.IsPerOperator() ? settings.Value.ImsiPrefixes.Keys.Select(o => (List: list, Operator: o)) : [(List: list, Operator: "")]);
        return published
            .Concat(expected.Where(e => !published.Any(p => p.List == e.List && p.Operator == e.Operator))
                .Select(e => new ListVersion(e.List, e.Operator, 0, 0, 0, 0, DateTimeOffset.MinValue)))
            .OrderBy(v => v.List).ThenBy(v => v.Operator, StringComparer.Ordinal).ToList();
    }

    public static async Task<IReadOnlyList<ManualBlock>> Handle(GetManualBlocks query, NpgsqlDataSource dataSource, CancellationToken cancellation)
    {
        await using var command = dataSource.CreateCommand(
            $"select imei, reason, cause, met_at from {EnforcementStorage.States} where condition = '{ImmediateBlocks.Manual}' order by met_at desc, imei");
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var blocks = new List<ManualBlock>();
        while (await reader.ReadAsync(cancellation))
        {
            blocks.Add(new ManualBlock(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return blocks;
    }
}
