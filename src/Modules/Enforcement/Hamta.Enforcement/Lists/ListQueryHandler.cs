using Hamta.Enforcement.Blocking;
using Hamta.Enforcement.Contracts;
using Hamta.Enforcement.States;
using Npgsql;

namespace Hamta.Enforcement.Lists;

public static class ListQueryHandler
{
    public static Task<IReadOnlyList<ListVersion>> Handle(GetListVersions query, ListReader reader, CancellationToken cancellation) =>
        reader.VersionsAsync(cancellation);

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
