using System.Net;
using System.Text.RegularExpressions;

namespace Hamta.Bench;

/// <summary>
/// One subscriber's browser, as far as the server can tell: its own connection and cookie jar, the
/// antiforgery token of the form it loaded, posts that are redirected on success.
/// </summary>
public sealed partial class Portal(string baseUrl, Database database) : IDisposable
{
    public const string SubmitPath = "/tickets/new/form?subject=Other";
    private readonly HttpClient client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = new CookieContainer(),
        MaxConnectionsPerServer = 1,
    })
    { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

    private string? formToken;

    /// <summary>The mobile number this browser signed in with.</summary>
    public string? Mobile { get; private set; }

    /// <summary>Signs in as a browser does: the number, then the code the SMS carried (read from where the portal keeps its SMS).</summary>
    public async Task SignInAsync(string mobile)
    {
        Mobile = mobile;
        var token = await TokenOfAsync("/login");
        await ExpectRedirectAsync("/login", new() { ["Mobile"] = mobile, ["__RequestVerificationToken"] = token });
        var code = await LoginCodeAsync(mobile);
        var codePage = $"/login/code?mobile={mobile}";
        token = await TokenOfAsync(codePage);
        await ExpectRedirectAsync(codePage, new() { ["Code"] = code, ["__RequestVerificationToken"] = token });
    }

    /// <summary>Loads the ticket form once; its token is good for every later post of this subscriber, as in a browser tab.</summary>
    public async Task OpenTicketFormAsync() => formToken = await TokenOfAsync(SubmitPath);

    /// <summary>Files one ticket; true when the portal redirected to the new ticket.</summary>
    public async Task<bool> SubmitTicketAsync(string description, CancellationToken cancellation)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["subject"] = "Other",
            ["Description"] = description,
            ["__RequestVerificationToken"] = formToken ?? throw new InvalidOperationException("Open the form first."),
        });
        using var response = await client.PostAsync(SubmitPath, content, cancellation);
        return response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location?.OriginalString.Contains("created=true", StringComparison.Ordinal) == true;
    }

    /// <summary>«ثبت و پیگیری مشکلات»: the first page of my tickets.</summary>
    public async Task<bool> ListTicketsAsync(CancellationToken cancellation)
    {
        using var response = await client.GetAsync("/tickets", cancellation);
        var html = await response.Content.ReadAsStringAsync(cancellation);
        return response.StatusCode == HttpStatusCode.OK && html.Contains("id=\"my-tickets\"", StringComparison.Ordinal);
    }

    /// <summary>Loads the ticket form as a person does before each ticket: its one-time form key.</summary>
    public async Task<string> NewTicketFormAsync(CancellationToken cancellation)
    {
        var html = await client.GetStringAsync(SubmitPath, cancellation);
        formToken = TokenPattern().Match(html) is { Success: true } token ? WebUtility.HtmlDecode(token.Groups[1].Value) : throw new InvalidOperationException("the ticket form has no antiforgery token");
        return FormKeyPattern().Match(html) is { Success: true } key ? key.Groups[1].Value : throw new InvalidOperationException("the ticket form has no form key");
    }

    /// <summary>Posts the ticket form with its key: the number of the ticket the portal redirected to, or null for any other answer.</summary>
    public async Task<long?> PostTicketFormAsync(string formKey, string description, CancellationToken cancellation)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["subject"] = "Other",
            ["Description"] = description,
            ["__FormKey"] = formKey,
            ["__RequestVerificationToken"] = formToken ?? throw new InvalidOperationException("Open the form first."),
        });
        using var response = await client.PostAsync(SubmitPath, content, cancellation);
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } location
            && CreatedTicketPattern().Match(location) is { Success: true } created
                ? long.Parse(created.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
                : null;
    }

    /// <summary>
    /// Loads the form at <paramref name="path"/> and posts <paramref name="fields"/> with its antiforgery token and form key, as a
    /// browser does: the answer's status, where it redirected to (null when it did not), and its page.
    /// </summary>
    public async Task<(int Status, string? Location, string Html)> SubmitFormAsync(string path, IReadOnlyDictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(path);
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = TokenPattern().Match(form) is { Success: true } token
                ? WebUtility.HtmlDecode(token.Groups[1].Value)
                : throw new InvalidOperationException($"{path} has no antiforgery token"),
        };
        if (FormKeyPattern().Match(form) is { Success: true } key)
        {
            values["__FormKey"] = key.Groups[1].Value;
        }

        using var content = new FormUrlEncodedContent(values);
        using var response = await client.PostAsync(path, content);
        return ((int)response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens a page as the browser would: "Persian page" with its status when the portal answered in Persian, else what came back.</summary>
    public async Task<string> PageAsync(string path)
    {
        try
        {
            using var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            var persian = html.Contains("lang=\"fa", StringComparison.Ordinal) && html.Contains("dir=\"rtl\"", StringComparison.Ordinal);
            return $"{(persian ? "Persian page" : "a page not in Persian")} {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return $"no answer ({e.GetType().Name})";
        }
    }

    public void Dispose() => client.Dispose();

    private async Task<string> TokenOfAsync(string path)
    {
        var html = await client.GetStringAsync(path);
        return TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"{path} has no antiforgery token");
    }

    private async Task ExpectRedirectAsync(string path, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(path, content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}, not a redirect");
        }
    }

    /// <summary>The SMS goes out through the outbox: wait until it is stored.</summary>
    private async Task<string> LoginCodeAsync(string mobile)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var rows = await database.RowsAsync($"""
                select substring(data->>'Text' from '[0-9]{"{6}"}') from notifications.mt_doc_smsmessage
                where data->>'Mobile' = '{mobile}' and (data->>'Kind')::int = 1 order by data->>'SentAt' desc limit 1 /* bench_poll */
                """);
            if (rows.Count == 1 && rows[0][0] is string code)
            {
                return code;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"no login code reached {mobile}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"__FormKey\" value=\"([^\"]+)\"")]
    private static partial Regex FormKeyPattern();

    [GeneratedRegex("^/tickets/([0-9]+)\\?created=true")]
    private static partial Regex CreatedTicketPattern();
}
