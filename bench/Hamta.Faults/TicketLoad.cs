using System.Collections.Concurrent;
using System.Diagnostics;
using Hamta.Bench;

namespace Hamta.Faults;

/// <summary>One ticket as its subscriber saw it: what they typed, the number the portal gave (null: none within the patience).</summary>
public sealed record FiledTicket(string Description, long? Number);

/// <summary>
/// Subscribers filing tickets one after the other as people do: load the form, post it, and when the answer does not
/// come (a dropped connection, an error page) post the same form again until a ticket number comes back.
/// </summary>
public sealed class TicketLoad(IReadOnlyList<Portal> portals, string run)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly ConcurrentBag<FiledTicket> filed = [];
    private int clientErrors;

    public IReadOnlyCollection<FiledTicket> Filed => filed;

    /// <summary>Answers that were not a ticket: connection errors, error pages, the form shown again.</summary>
    public int ClientErrors => clientErrors;

    /// <summary>
    /// Files tickets until <paramref name="stop"/> fires; a ticket being filed then is carried through, unless
    /// <paramref name="abandon"/> fires (the subscribers' node is gone for good).
    /// </summary>
    public Task RunAsync(CancellationToken stop, CancellationToken abandon = default) => Task.WhenAll(portals.Select((portal, client) => Task.Run(async () =>
    {
        for (var n = 0; !stop.IsCancellationRequested && !abandon.IsCancellationRequested; n++)
        {
            var description = $"{run}-{client}-{n} گوشی پس از روشن شدن پیام هشدار داد.";
            filed.Add(new FiledTicket(description, await FileAsync(portal, description, abandon)));
        }
    })));

    private async Task<long?> FileAsync(Portal portal, string description, CancellationToken abandon)
    {
        var watch = Stopwatch.StartNew();
        string? key = null;
        while (watch.Elapsed < Patience && !abandon.IsCancellationRequested)
        {
            try
            {
                key ??= await portal.NewTicketFormAsync(CancellationToken.None);
                if (await portal.PostTicketFormAsync(key, description, CancellationToken.None) is { } number)
                {
                    return number;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            Interlocked.Increment(ref clientErrors);
            await Task.Delay(200, CancellationToken.None);
        }

        return null;
    }
}
