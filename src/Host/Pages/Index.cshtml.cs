using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hamta.Host.Pages;

public sealed class IndexModel : PageModel;
