using System.Security.Cryptography;
using System.Text;
using Hamta.Devices.Contracts;
using Marten;
using Wolverine;

namespace Hamta.Devices.Importing.Uploads;

/// <summary>Imports an uploaded declarations file; handled one at a time, on a durable queue of its own.</summary>
public sealed record ImportDeclarationsUpload(Guid UploadId);

/// <summary>
/// Keeps an uploaded declarations file and queues its import, in one transaction: an accepted upload is imported,
/// once. A file with no header line, or nothing in it, is refused at once; the same file again (by SHA-256) is
/// answered with its earlier upload.
/// </summary>
public static class UploadDeclarationsHandler
{
    public const int MaxFileNameLength = 200;

    public static async Task<(DeclarationsUploaded, OutgoingMessages)> Handle(
        UploadDeclarations command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        if (Decide(command.Content, now) is { } refused)
        {
            return (new DeclarationsUploaded(refused), []);
        }

        var id = DeclarationImporter.FileIdOf(SHA256.HashData(command.Content));
        if (await DeclarationUploads.StateAsync(session, id, cancellation) is { } state and not UploadState.Failed)
        {
            return (new DeclarationsUploaded(UploadOutcome.SameFileAgain, id), []);
        }

        DeclarationUploads.Save(session, id, FileNameOf(command.FileName), command.By, now, ExpectedLines(command.Content), command.Content);
        return (new DeclarationsUploaded(UploadOutcome.Accepted, id), [new ImportDeclarationsUpload(id)]);
    }

    /// <summary>Why a file cannot be imported at all, read from its first line only; null when it may be.</summary>
    public static UploadOutcome? Decide(byte[] content, DateTimeOffset now)
    {
        if (content.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return UploadOutcome.Empty;
        }

        using var text = new StreamReader(new MemoryStream(content, writable: false), Encoding.UTF8);
        return DeclarationCsv.Read(text, now).FirstOrDefault()?.Problem?.Refusal == LineRefusal.NoHeader ? UploadOutcome.NoHeader : null;
    }

    /// <summary>About how many lines follow the header, for the progress bar (a quoted field may hold a line break).</summary>
    public static int ExpectedLines(byte[] content)
    {
        var breaks = content.AsSpan().Count((byte)'\n');
        var lines = breaks + (content.Length > 0 && content[^1] != (byte)'\n' ? 1 : 0);
        return Math.Max(0, lines - 1);
    }

    /// <summary>The name as the clerk's browser sent it, without folders or control characters.</summary>
    private static string FileNameOf(string fileName)
    {
        var name = new string(Path.GetFileName(fileName.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? "declarations.csv" : name[..Math.Min(name.Length, MaxFileNameLength)];
    }
}
