using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Hamta.Bench;

namespace Hamta.Failover;

/// <summary>One request of the load: when it started and ended on the drill's clock, and whether Hamta accepted it.</summary>
public sealed record Attempt(TimeSpan Started, TimeSpan Ended, bool Accepted);

/// <summary>
/// The drill's load: subscribers filing tickets through the portal (each description unique, so what is stored can be
/// matched to what was accepted) and operators posting batches of sightings (each IMEI unique) to the operator API.
/// </summary>
public sealed class Traffic(string baseUrl, string operatorKey, Stopwatch clock)
{
    public const string Operator = "drill";
    private const string Text = "گوشی من پس از تعویض سیم‌کارت پیام ناشناس بودن دستگاه می‌دهد؛ دستگاه را سال گذشته خریده‌ام و فاکتور دارم.";
    private static long imeiSerial = 35_000_000_000_000 + (DateTime.UtcNow.Ticks % 1_000_000_000L) * 1_000;

    public ConcurrentBag<string> AcceptedTickets { get; } = [];

    public ConcurrentBag<string> AcceptedSightings { get; } = [];

    public ConcurrentBag<Attempt> TicketAttempts { get; } = [];

    public ConcurrentBag<Attempt> SightingAttempts { get; } = [];

    public async Task RunAsync(string label, IReadOnlyList<Portal> portals, int operators, CancellationToken stop)
    {
        var tickets = portals.Select((portal, client) => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var description = string.Create(CultureInfo.InvariantCulture, $"drill {label}-{client}-{n} {Text}");
                var started = clock.Elapsed;
                bool accepted;
                try
                {
                    accepted = await portal.SubmitTicketAsync(description, CancellationToken.None);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    accepted = false;
                }

                TicketAttempts.Add(new Attempt(started, clock.Elapsed, accepted));
                if (accepted)
                {
                    AcceptedTickets.Add(description);
                }
                else
                {
                    await Task.Delay(100, CancellationToken.None);
                }
            }
        }));
        var sightings = Enumerable.Range(0, operators).Select(_ => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Add("X-Api-Key", operatorKey);
            while (!stop.IsCancellationRequested)
            {
                var imeis = Enumerable.Range(0, 5).Select(_ => NextImei()).ToList();
                var batch = new
                {
                    Observations = imeis.Select((imei, i) => new
                    {
                        Imei = imei,
                        Imsi = string.Create(CultureInfo.InvariantCulture, $"43211{imei[^10..]}"),
                        Msisdn = Seed.MobileOf(1 + (int)(long.Parse(imei[^6..], CultureInfo.InvariantCulture) % 150)),
                        ObservedAt = DateTimeOffset.UtcNow,
                    }).ToList(),
                };
                var started = clock.Elapsed;
                var accepted = false;
                try
                {
                    using var response = await client.PostAsJsonAsync("/api/operator/attach-observations", batch, CancellationToken.None);
                    accepted = response.IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                }

                SightingAttempts.Add(new Attempt(started, clock.Elapsed, accepted));
                if (accepted)
                {
                    imeis.ForEach(AcceptedSightings.Add);
                }
                else
                {
                    await Task.Delay(100, CancellationToken.None);
                }
            }
        }));
        await Task.WhenAll([.. tickets, .. sightings]);
    }

    /// <summary>A fresh IMEI with its Luhn check digit.</summary>
    private static string NextImei()
    {
        var body = Interlocked.Increment(ref imeiSerial).ToString("00000000000000", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 14; i++)
        {
            var digit = body[i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                digit = digit / 10 + digit % 10;
            }

            sum += digit;
        }

        return body + ((10 - sum % 10) % 10).ToString(CultureInfo.InvariantCulture);
    }
}
