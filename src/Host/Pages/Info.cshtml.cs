using Hamta.Host.Information;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hamta.Host.Pages;

/// <summary>«آموزش و اطلاع رسانی», «تماس با ما», «درباره ما» and «راهنما»: public pages written in Markdown files.</summary>
public sealed class InfoModel(InformationPages pages) : PageModel
{
    public string Title { get; private set; } = string.Empty;

    public string Html { get; private set; } = string.Empty;

    public void OnGet(string slug) => (Title, Html) = pages.Get(slug);
}
