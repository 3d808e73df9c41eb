using System.Globalization;
using System.Text;
using Hamta.Devices.Contracts;
using Hamta.Devices.Importing;
using Hamta.Kernel.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages.Staff;

/// <summary>
/// One upload's import: its progress as stored in the database (so a reload shows where it is), a small JSON answer
/// the page's script polls while it runs (<c>?handler=progress</c>), and, once done, the refused lines — the first
/// of them on the page, all of them as CSV (<c>?handler=report</c>).
/// </summary>
public sealed class DeclarationUploadModel(IMessageBus bus, IStringLocalizer<StaffResource> texts) : PageModel
{
    public const int LinesShown = 100;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The clerk uploaded a file that was uploaded before.</summary>
    [BindProperty(SupportsGet = true, Name = "again")]
    public bool Again { get; set; }

    public DeclarationUploadStatus Upload { get; private set; } = null!;

    public IReadOnlyList<RefusedDeclarationLine> RefusedLines { get; private set; } = [];

    public bool Finished => Upload.State is UploadState.Done or UploadState.Failed;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (await FindAsync(cancellation) is not { } upload)
        {
            return NotFound();
        }

        Upload = upload;
        if (upload.State == UploadState.Done && upload.Refused > 0)
        {
            RefusedLines = await bus.InvokeAsync<IReadOnlyList<RefusedDeclarationLine>>(new GetRefusedDeclarationLines(Id), cancellation);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetProgressAsync(CancellationToken cancellation)
    {
        if (await FindAsync(cancellation) is not { } upload)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new
        {
            state = upload.State.ToString(),
            finished = upload.State is UploadState.Done or UploadState.Failed,
            percent = PercentOf(upload),
            percentText = Display.Percent(PercentOf(upload) / 100.0),
            stateText = texts[$"UploadState_{upload.State}"].Value,
            countsText = CountsOf(upload),
        });
    }

    /// <summary>The refused lines as CSV (UTF-8 with a byte-order mark, so that spreadsheets read the Persian).</summary>
    public async Task<IActionResult> OnGetReportAsync(CancellationToken cancellation)
    {
        if (await FindAsync(cancellation) is not { State: UploadState.Done } upload)
        {
            return NotFound();
        }

        var lines = await bus.InvokeAsync<IReadOnlyList<RefusedDeclarationLine>>(new GetRefusedDeclarationLines(Id), cancellation);
        var csv = new StringBuilder("line,field,reason\r\n");
        foreach (var line in lines)
        {
            csv.Append(line.Line.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Cell(line.Field)).Append(',')
                .Append(Cell(WithoutIsolates(ReasonOf(line)))).Append("\r\n");
        }

        var name = Path.GetFileNameWithoutExtension(upload.FileName);
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"refused-lines-{name}.csv");
    }

    /// <summary>Refusals whose detail is a line number or a count, shown in Persian digits.</summary>
    private static readonly HashSet<string> NumberDetails =
        [nameof(LineRefusal.WrongColumnCount), nameof(LineRefusal.RepeatedInFile), nameof(LineRefusal.TravellerRepeatedInFile)];

    public string ReasonOf(RefusedDeclarationLine line)
    {
        var detail = line.Detail ?? string.Empty;
        var text = texts[$"Refusal_{line.Reason}", NumberDetails.Contains(line.Reason) ? Display.Digits(detail) : detail];
        return text.ResourceNotFound ? line.Reason : text.Value;
    }

    public static int PercentOf(DeclarationUploadStatus upload) => upload.State switch
    {
        UploadState.Done => 100,
        UploadState.Waiting => 0,
        _ when upload.ExpectedLines == 0 => 0,
        _ => Math.Min(99, upload.Read * 100 / upload.ExpectedLines),
    };

    public string CountsOf(DeclarationUploadStatus upload) =>
        texts["Upload_Counts", Display.Count(upload.Read), Display.Count(Math.Max(upload.Read, upload.ExpectedLines)),
            Display.Count(upload.Accepted), Display.Count(upload.Refused)].Value;

    private async Task<DeclarationUploadStatus?> FindAsync(CancellationToken cancellation) =>
        (await bus.InvokeAsync<DeclarationUploadFound>(new GetDeclarationUpload(Id), cancellation)).Upload;

    /// <summary>A CSV cell: quoted when it must be, and a leading formula character neutralised for spreadsheets.</summary>
    private static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }

    private static string WithoutIsolates(string text) => string.Concat(text.Where(c => c is not ('\u2066' or '\u2067' or '\u2068' or '\u2069')));
}
