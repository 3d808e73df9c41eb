using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hamta.Host.Pages;

/// <summary>One Persian page for every error status; no stack traces, no English.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error_Title";

    public string BodyKey { get; private set; } = "Error_Body";

    public void OnGet([FromQuery] int? code) => Describe(code);

    public void OnPost([FromQuery] int? code) => Describe(code);

    private void Describe(int? code)
    {
        (TitleKey, BodyKey) = code switch
        {
            StatusCodes.Status400BadRequest => ("Error_BadRequest_Title", "Error_BadRequest_Body"),
            StatusCodes.Status403Forbidden => ("Error_Forbidden_Title", "Error_Forbidden_Body"),
            StatusCodes.Status404NotFound => ("Error_NotFound_Title", "Error_NotFound_Body"),
            StatusCodes.Status429TooManyRequests => ("Error_TooMany_Title", "Error_TooMany_Body"),
            _ => ("Error_Title", "Error_Body"),
        };
        if (code is { } status)
        {
            Response.StatusCode = status;
        }
    }
}
