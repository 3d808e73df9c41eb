using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Hamta.Devices.Registry;
using Hamta.Enforcement.Lists;
using Hamta.Enforcement.States;
using Hamta.Host.DemoData;
using Hamta.Host.Notifications;
using Hamta.Kernel.Notifications;
using Hamta.Sim.Network;
using Hamta.Tickets.Statistics;
using Hamta.Tickets.Attachments;
using Marten;
using Wolverine.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;

namespace Hamta.Testing;

/// <summary>How every test host of Hamta is set up and reset, whichever server it runs on.</summary>
public static partial class TestHost
{
    public const string OperatorName = "test-operator";
    public const string OperatorKey = "operator-test-key";

    /// <summary>A second operator, so that each operator's lists can be told apart.</summary>
    public const string OtherOperatorName = "other-operator";
    public const string OtherOperatorKey = "other-operator-test-key";
    public const string GatewayKey = "gateway-test-key";

    /// <summary>A brand that joined the registry after it started: its devices seen before may be claimed («افزودن دستگاه»).</summary>
    public const string PreRegistryBrand = "Huawei";

    public static readonly DateTimeOffset PreRegistryBrandJoinedAt = new(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(3.5));

    /// <summary>The portal's public name in tests: HSTS is never sent to localhost.</summary>
    public const string PortalHost = "portal.hamta.test";

    /// <summary>The portal on the given database, on a clock the tests control, one node, no demo data until reset.</summary>
    public static void Configure(IWebHostBuilder builder, string connectionString, string environment, TimeProvider clock)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Hamta", connectionString);
        builder.UseSetting("Hamta:SingleNode", "true");
        builder.UseSetting("DemoData:Enabled", "false");
        builder.UseSetting("DemoData:Passwords:agent", DemoPasswords.Agent);
        builder.UseSetting("DemoData:Passwords:admin", DemoPasswords.Admin);
        builder.UseSetting("DemoData:Passwords:auditor", DemoPasswords.Auditor);
        builder.UseSetting("DemoData:Passwords:clerk", DemoPasswords.Clerk);
        builder.UseSetting($"Hamta:Operators:{OperatorName}", OperatorKey);
        builder.UseSetting($"Hamta:Network:ImsiPrefixes:{OperatorName}:0", "43211");
        builder.UseSetting($"Hamta:Operators:{OtherOperatorName}", OtherOperatorKey);
        builder.UseSetting($"Hamta:Network:ImsiPrefixes:{OtherOperatorName}:0", "43235");
        builder.UseSetting("Hamta:Gateways:test-gateway", GatewayKey);
        builder.UseSetting($"Hamta:Devices:PreRegistry:BrandJoinDates:{PreRegistryBrand}", PreRegistryBrandJoinedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Hamta:RateLimits:OperatorRequestsPerMinute", "100000");
        builder.UseSetting("Hamta:RateLimits:PostsPerSubscriberPerHour", "100000");
        builder.UseSetting("Hamta:Secrets:CodeKey", "test-code-key-of-at-least-thirty-two-characters");
        builder.UseSetting("Hamta:DataProtection:Certificate", KeyRingCertificate.Value);
        builder.UseSetting("AllowedHosts", $"localhost;127.0.0.1;{PortalHost}");
        // The gauges' sampler asks the Tickets module through the bus: its messages would mix into tracked sessions.
        builder.UseSetting("Hamta:Metrics:SampleSeconds", "0");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(clock);
            services.RunWolverineInSoloMode();
        });
    }

    /// <summary>A throw-away certificate for the test hosts' key ring, made once per run.</summary>
    private static readonly Lazy<string> KeyRingCertificate = new(() =>
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=hamta-test-key-ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pfx));
    });

    /// <summary>
    /// Every test starts from the demo world, with no message of an earlier test waiting or dead-lettered: a dead letter a
    /// fault test left behind would turn the next test's health Degraded.
    /// </summary>
    public static async Task ResetAsync(IServiceProvider services)
    {
        var runtime = services.GetRequiredService<IWolverineRuntime>();
        await UntilHandled(runtime);
        var store = services.GetRequiredService<IDocumentStore>();
        await store.Advanced.ResetAllData();
        await runtime.Storage.Admin.ClearAllAsync();
        await using (var session = store.LightweightSession())
        {
            session.QueueSqlCommand($"truncate {Registrations.Table}, {Registrations.ImeiTable}, {Registrations.FormerImeiTable}, {Hamta.Devices.Importing.Uploads.DeclarationUploads.Table}");
            session.QueueSqlCommand($"truncate {SightingsStorage.Table}, {SightingsStorage.FirstSightings}, {SightingsStorage.Watches}, {SightingsDumpImporter.Dumps}");
            session.QueueSqlCommand(
                $"truncate {StatisticsTables.DailyCounts}, {StatisticsTables.ResolutionTimes}, {StatisticsTables.Backlog}, {StatisticsTables.Counted}, {SightingCountsHandler.Table}");
            session.QueueSqlCommand($"truncate {TicketAttachments.Table}");
            session.QueueSqlCommand($"truncate {EnforcementStorage.States}, {EnforcementStorage.Changes}, {EnforcementStorage.Runs}");
            session.QueueSqlCommand($"truncate {ListStorage.Entries}, {ListStorage.Changes}, {ListStorage.Versions}");
            await session.SaveChangesAsync();
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
    }

    /// <summary>
    /// Waits until no message an earlier test left in the local queues is still being handled or due (a retry scheduled
    /// for now): a handler appending events while the reset truncates them and restarts the event sequence stored a
    /// duplicate sequence number. A message that keeps failing does not hold the run: after the bound the reset goes on
    /// and clears it.
    /// </summary>
    private static async Task UntilHandled(IWolverineRuntime runtime)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (await runtime.Storage.Admin.FetchCountsAsync() is var counts && counts.Incoming + counts.ScheduledDue > 0 && !bound.IsCancellationRequested)
        {
            try
            {
                await poll.WaitForNextTickAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The code of the last login SMS sent to a number. Only login SMS count: an activation code sent at the
    /// same instant of the tests' frozen clock must not be taken for it.
    /// </summary>
    public static async Task<string> LoginCodeSentTo(IServiceProvider services, string mobile)
    {
        var codes = (await SmsTo(services, mobile, SmsKind.Secret))
            .Select(sms => LoginCode().Match(sms.Text))
            .Where(match => match.Success)
            .ToList();
        return codes.Count > 0 ? codes[^1].Groups[1].Value : throw new InvalidOperationException($"No login code was sent to {mobile}.");
    }

    /// <summary>The SMS sent to a number, oldest first.</summary>
    public static async Task<IReadOnlyList<SmsMessage>> SmsTo(IServiceProvider services, string mobile, SmsKind? kind = null)
    {
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
        var messages = await session.Query<SmsMessage>().Where(x => x.Mobile == mobile).OrderBy(x => x.SentAt).ToListAsync();
        return messages.Where(x => kind is null || x.Kind == kind).ToList();
    }

    [GeneratedRegex(@"کد ورود شما: \u2066?([0-9]{6})")]
    private static partial Regex LoginCode();
}

/// <summary>The staff passwords the test hosts seed.</summary>
public static class DemoPasswords
{
    public const string Agent = "agent-test-password";
    public const string Admin = "admin-test-password";
    public const string Auditor = "auditor-test-password";
    public const string Clerk = "clerk-test-password";
}
