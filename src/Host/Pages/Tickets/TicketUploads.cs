using Hamta.Tickets.Contracts;

namespace Hamta.Host.Pages.Tickets;

/// <summary>How the ticket pages take files from a form and hand them to the Tickets module, which decides on them.</summary>
public static class TicketUploads
{
    public const string Field = "attachments";

    /// <summary>
    /// The largest form the ticket pages read: five files at the limit and the rest of the form, with room to spare,
    /// so that files somewhat over the limit are read whole and refused with a message beside the field, not by a
    /// cut connection (ADR 22).
    /// </summary>
    public const long MaxRequestBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Reads each chosen file, at most one byte past <see cref="AttachmentLimits.MaxBytes"/>: enough for the module to
    /// refuse it as too large without holding all of it in memory. The browser's name and content type are only hints.
    /// </summary>
    public static async Task<IReadOnlyList<AttachmentUpload>> ReadAsync(IReadOnlyList<IFormFile> files, CancellationToken cancellation)
    {
        var uploads = new List<AttachmentUpload>(files.Count);
        foreach (var file in files)
        {
            var content = new byte[Math.Min(file.Length, AttachmentLimits.MaxBytes + 1L)];
            await using var stream = file.OpenReadStream();
            await stream.ReadExactlyAsync(content, cancellation);
            uploads.Add(new AttachmentUpload(file.FileName, content));
        }

        return uploads;
    }
}
