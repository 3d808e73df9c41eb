using Hamta.Kernel.Text;
using Hamta.Tickets.Contracts;

namespace Hamta.Host.Pages.Shared;

/// <summary>The files of one timeline entry, each linked to its download under <see cref="LinkPrefix"/>.</summary>
public sealed record AttachmentList(IReadOnlyList<AttachmentInfo>? Files, string LinkPrefix)
{
    public static string Kilobytes(AttachmentInfo file) => Display.Count(Math.Max(1, (file.Size + 1023) / 1024));
}
