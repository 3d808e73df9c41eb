using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hamta.Host.Pages;

/// <summary>
/// One Persian page for every error status; no stack traces, no English. It describes the status the
/// failed request already has; opened directly it is a plain page, whatever its query says.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error_Title";

    public string BodyKey { get; private set; } = "Error_Body";

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        (TitleKey, BodyKey) = Response.StatusCode switch
        {
            StatusCodes.Status400BadRequest => ("Error_BadRequest_Title", "Error_BadRequest_Body"),
            StatusCodes.Status403Forbidden => ("Error_Forbidden_Title", "Error_Forbidden_Body"),
            StatusCodes.Status404NotFound => ("Error_NotFound_Title", "Error_NotFound_Body"),
            StatusCodes.Status413PayloadTooLarge => ("Error_TooLarge_Title", "Error_TooLarge_Body"),
            StatusCodes.Status429TooManyRequests => ("Error_TooMany_Title", "Error_TooMany_Body"),
            StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout => ("Error_Unavailable_Title", "Error_Unavailable_Body"),
            _ => ("Error_Title", "Error_Body"),
        };
    }
}
