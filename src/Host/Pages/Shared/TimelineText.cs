using Hamta.Kernel.Text;
using Hamta.Tickets.Contracts;

namespace Hamta.Host.Pages.Shared;

/// <summary>A ticket timeline entry's text as shown: the IMEI the network saw, or the registry was asked to set, is an identifier.</summary>
public static class TimelineText
{
    public static string? Of(TicketEntry entry) =>
        entry is { Kind: TicketEntryKind.NetworkEvidence or TicketEntryKind.CorrectionRequested, Text: { } imei } ? Display.Identifier(imei) : entry.Text;
}
