using Hamta.Tickets.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace Hamta.Host.Pages.Shared;

/// <summary>
/// An attachment as the portal sends it: always as a download, with the type its content showed when it was
/// stored, never sniffed by the browser and never kept by a shared cache.
/// </summary>
public static class AttachmentDownload
{
    public static IActionResult Of(TicketAttachmentFile? file, HttpResponse response)
    {
        if (file is null)
        {
            return new NotFoundResult();
        }

        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        return new FileContentResult(file.Content, file.ContentType) { FileDownloadName = file.FileName };
    }
}
