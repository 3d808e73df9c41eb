using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Hamta.Devices.Contracts;
using Hamta.Enforcement.Contracts;
using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Text;
using Wolverine;

namespace Hamta.Host.Ussd;

/// <summary>What the handset is told, and whether the subscriber asked too often (then when to ask again).</summary>
public sealed record UssdAnswer(string Reply, TimeSpan? RetryAfter = null);

/// <summary>
/// The inquiry most people use: dial <c>*7777*IMEI#</c> or text the IMEI to the short code. The SMS/USSD
/// aggregator passes on the subscriber's text and number; the answer is one short Persian text. Limited per
/// mobile number on each node.
/// </summary>
public sealed partial class UssdInquiry(IMessageBus bus, UssdLimits limits)
{
    public async Task<UssdAnswer> AnswerAsync(string mobile, string? text, CancellationToken cancellation)
    {
        using var lease = limits.Acquire(mobile);
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : UssdLimits.Window;
            return new UssdAnswer(UssdTexts.TooMany(retryAfter), retryAfter);
        }

        var problem = Imei.Check(ImeiIn(text), out var imei);
        if (problem != ImeiProblem.None)
        {
            return new UssdAnswer(UssdTexts.Invalid(problem));
        }

        var inquiry = await bus.InvokeAsync<ImeiInquiry>(new InquireImei(imei), cancellation);
        var enforcement = await bus.InvokeAsync<EnforcementStates>(new FindEnforcementStates([imei]), cancellation);
        return new UssdAnswer(UssdTexts.Answer(imei, inquiry, enforcement.States));
    }

    /// <summary>The IMEI of <c>*7777*IMEI#</c>, or the whole text of an SMS; digits in any script.</summary>
    public static string ImeiIn(string? text)
    {
        var normalized = DigitNormalizer.Normalize(text);
        return ServiceCode().Match(normalized) is { Success: true } dialled ? dialled.Groups["imei"].Value : normalized.TrimEnd('#');
    }

    [GeneratedRegex(@"^\*\d+\*(?<imei>[^*#]*)#?$")]
    private static partial Regex ServiceCode();
}

/// <summary>Inquiries per mobile number in a fixed window (<c>Hamta:RateLimits:UssdInquiriesPerMsisdnPerHour</c>).</summary>
public sealed class UssdLimits(IConfiguration configuration) : IDisposable
{
    public const string LimitKey = "Hamta:RateLimits:UssdInquiriesPerMsisdnPerHour";
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(mobile =>
        RateLimitPartition.GetFixedWindowLimiter(mobile, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration.GetValue(LimitKey, 20),
            Window = Window,
            QueueLimit = 0,
        }));

    public RateLimitLease Acquire(string mobile) => limiter.AttemptAcquire(mobile);

    public void Dispose() => limiter.Dispose();
}
