using System.Text;
using Hamta.Tickets.Contracts;

namespace Hamta.Tickets.Attachments;

/// <summary>An attachment that passed the rules: its type and the name it is offered under.</summary>
public sealed record AcceptedAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Which files a message may carry, decided from their bytes alone: a name or a browser's content type proves
/// nothing. The type is the one the file's first bytes show (a small table of signatures, ADR 22); anything else
/// is refused, as are empty files, files over <see cref="AttachmentLimits.MaxBytes"/> and more than
/// <see cref="AttachmentLimits.MaxFiles"/> files. One bad file refuses them all.
/// </summary>
public static class AttachmentRules
{
    private const int MaxNameLength = 120;

    private static readonly (string ContentType, string Extension, Func<ReadOnlyMemory<byte>, bool> Matches)[] Signatures =
    [
        ("image/jpeg", ".jpg", bytes => StartsWith(bytes, 0, [0xFF, 0xD8, 0xFF])),
        ("image/png", ".png", bytes => StartsWith(bytes, 0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        ("image/webp", ".webp", bytes => StartsWith(bytes, 0, "RIFF"u8) && StartsWith(bytes, 8, "WEBP"u8)),
        ("image/heic", ".heic", bytes => StartsWith(bytes, 4, "ftyp"u8)
            && (StartsWith(bytes, 8, "heic"u8) || StartsWith(bytes, 8, "heix"u8) || StartsWith(bytes, 8, "mif1"u8))),
        ("application/pdf", ".pdf", bytes => StartsWith(bytes, 0, "%PDF-"u8)),
    ];

    public static (IReadOnlyList<AcceptedAttachment> Accepted, AttachmentRefusal? Refusal) Check(IReadOnlyList<AttachmentUpload>? uploads)
    {
        if (uploads is null or { Count: 0 })
        {
            return ([], null);
        }

        if (uploads.Count > AttachmentLimits.MaxFiles)
        {
            return ([], new AttachmentRefusal(AttachmentProblem.TooMany, null));
        }

        var accepted = new List<AcceptedAttachment>();
        foreach (var upload in uploads)
        {
            var name = BaseName(upload.FileName);
            var problem = upload.Content.Length == 0 ? AttachmentProblem.Empty
                : upload.Content.Length > AttachmentLimits.MaxBytes ? AttachmentProblem.TooLarge
                : TypeOf(upload.Content) is null ? AttachmentProblem.UnsupportedType
                : (AttachmentProblem?)null;
            if (problem is { } refused)
            {
                return ([], new AttachmentRefusal(refused, name));
            }

            var (contentType, extension) = TypeOf(upload.Content)!.Value;
            accepted.Add(new AcceptedAttachment(name + extension, contentType, upload.Content));
        }

        return (accepted, null);
    }

    /// <summary>The type a file's first bytes show, with the extension it is offered under; null for any other file.</summary>
    public static (string ContentType, string Extension)? TypeOf(ReadOnlyMemory<byte> content) =>
        Signatures.Where(signature => signature.Matches(content)).Select(signature => ((string, string)?)(signature.ContentType, signature.Extension)).FirstOrDefault();

    /// <summary>
    /// The name without a folder, an extension, control characters or bidi overrides, and not too long: the type's
    /// extension is put after it, so that a file saved from the portal opens as what it is.
    /// </summary>
    public static string BaseName(string? fileName)
    {
        var lastPart = (fileName ?? string.Empty).Split('/', '\\').Last();
        var builder = new StringBuilder();
        foreach (var c in lastPart)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is not (System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format) && c is not ('"' or ';'))
            {
                builder.Append(c);
            }
        }

        var name = Path.GetFileNameWithoutExtension(builder.ToString().Trim()).Trim();
        return name.Length == 0 ? "attachment" : name.Length > MaxNameLength ? name[..MaxNameLength] : name;
    }

    private static bool StartsWith(ReadOnlyMemory<byte> content, int offset, ReadOnlySpan<byte> signature) =>
        content.Length >= offset + signature.Length && content.Span.Slice(offset, signature.Length).SequenceEqual(signature);
}
