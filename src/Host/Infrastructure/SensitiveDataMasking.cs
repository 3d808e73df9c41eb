using System.Text.RegularExpressions;
using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Security;
using Serilog.Core;
using Serilog.Events;

namespace Hamta.Host.Infrastructure;

/// <summary>
/// Masks personal data in every log property before any sink sees it: mobile numbers in any of
/// their accepted forms, ten-digit national IDs, and whatever a property named like a code,
/// password or token holds, also where a message body is written out as text ("Code = 202020").
/// </summary>
public sealed partial class SensitiveDataMasking : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToArray())
        {
            var masked = Mask(name, value);
            if (!ReferenceEquals(masked, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, masked));
            }
        }
    }

    public static string MaskText(string text) =>
        SecretAssignmentPattern().Replace(
            NationalIdPattern().Replace(
                MobilePattern().Replace(text, m => MobileNumber.TryNormalize(m.Value, out var mobile) ? MobileNumber.Mask(mobile) : m.Value),
                m => NationalId.IsValid(m.Value) ? NationalId.Mask(m.Value) : m.Value),
            m => SecretFields.IsSecret(m.Groups["name"].Value) ? $"{m.Groups["name"].Value}{m.Groups["separator"].Value}{SecretFields.Redacted}" : m.Value);

    private static LogEventPropertyValue Mask(string name, LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: not null } when IsSecretName(name) => new ScalarValue("***"),
        ScalarValue { Value: string text } when MaskText(text) is var masked && masked != text => new ScalarValue(masked),
        StructureValue structure => new StructureValue(
            structure.Properties.Select(p => new LogEventProperty(p.Name, Mask(p.Name, p.Value))), structure.TypeTag),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(e => Mask(name, e))),
        _ => value,
    };

    private static bool IsSecretName(string name) => SecretFields.IsSecret(name);

    [GeneratedRegex(@"(?<!\d)(?:\+98|0098|98|0)?9\d{9}(?!\d)")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"(?<!\d)\d{10}(?!\d)")]
    private static partial Regex NationalIdPattern();

    [GeneratedRegex(@"\b(?<name>[A-Za-z]+)(?<separator>""?\s*[=:]\s*""?)(?<value>[^\s,;}\]""]+)")]
    private static partial Regex SecretAssignmentPattern();
}
