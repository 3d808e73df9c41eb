namespace Hamta.Tickets.Contracts;

/// <summary>
/// A file a subscriber attaches to a new ticket or to an answer, as uploaded. The portal reads at most
/// <see cref="AttachmentLimits.MaxBytes"/> + 1 bytes of a file, enough for the module to tell it is too large.
/// </summary>
public sealed record AttachmentUpload(string FileName, byte[] Content);

/// <summary>A stored attachment as a timeline entry lists it: its type is the one its content showed.</summary>
public sealed record AttachmentInfo(Guid Id, string FileName, string ContentType, int Size);

/// <summary>What the Tickets module accepts with one message (a new ticket or an answer).</summary>
public static class AttachmentLimits
{
    public const int MaxFiles = 5;
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The types a browser's file picker is offered; the module decides by content alone.</summary>
    public const string Accept = "image/jpeg,image/png,image/webp,image/heic,application/pdf,.jpg,.jpeg,.png,.webp,.heic,.pdf";
}

public enum AttachmentProblem
{
    TooMany,
    Empty,
    TooLarge,
    UnsupportedType,
}

/// <summary>Why the files of a message were refused; nothing of the message was stored.</summary>
public sealed record AttachmentRefusal(AttachmentProblem Problem, string? FileName);

/// <summary>One attachment of a ticket; for a subscriber only when the ticket is theirs (<see cref="NationalId"/>); staff pass null.</summary>
public sealed record GetTicketAttachment(long Number, Guid AttachmentId, string? NationalId);

public sealed record TicketAttachmentFile(string FileName, string ContentType, byte[] Content);
