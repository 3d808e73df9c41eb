namespace Hamta.Host.Pages.Tickets;

/// <summary>The file field of a ticket form: its page (for the error) and the documents its subject needs, if any.</summary>
public sealed record AttachmentsField(PortalPageModel Page, string? DocumentsKey = null);
