using System.Net;
using Alba;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;

namespace Hamta.Tests.Infrastructure;

/// <summary>A page as the test read it: status, where it redirected, and its parsed HTML.</summary>
public sealed record PortalPage(int Status, string? Location, string Html, IHtmlDocument Document, IHeaderDictionary Headers)
{
    public string Text => Document.Body?.TextContent ?? string.Empty;

    public string? ErrorFor(string field) => Document.QuerySelector($"#{field}-error")?.TextContent.Trim();

    /// <summary>The error summary at the top of a form, as a screen reader announces it.</summary>
    public string? Errors => Document.QuerySelector("#error-summary")?.TextContent.Trim();
}

/// <summary>
/// Walks the portal like one browser: keeps its cookies, sends each form back with the
/// antiforgery token of the page it came from, and comes from an address of its own.
/// </summary>
public sealed class PortalClient(IAlbaHost host)
{
    private static int clients;
    private static readonly HtmlParser Parser = new();
    private readonly Dictionary<string, string> cookies = [];
    private readonly IPAddress address = new([10, 0, (byte)(Interlocked.Increment(ref clients) / 250), (byte)(clients % 250 + 1)]);

    /// <summary>Another browser holding a copy of this one's cookies, as someone who copied them would.</summary>
    public PortalClient Copy()
    {
        var copy = new PortalClient(host);
        foreach (var (name, value) in cookies)
        {
            copy.cookies[name] = value;
        }

        return copy;
    }

    public Task<PortalPage> GetAsync(string url) => SendAsync(s => s.Get.Url(url));

    /// <summary>
    /// GETs <paramref name="formPage"/>, then posts the fields as a browser would: with the hidden
    /// inputs of the form that posts to <paramref name="action"/> (its antiforgery token among them).
    /// </summary>
    public async Task<PortalPage> SubmitAsync(string formPage, IDictionary<string, string> fields, string? action = null)
    {
        var (target, posted) = await FormOfAsync(formPage, fields, action);
        return await PostAsync(target, posted);
    }

    /// <summary>As <see cref="SubmitAsync"/>, as multipart/form-data with files in the field <paramref name="fileField"/>.</summary>
    public async Task<PortalPage> SubmitWithFilesAsync(
        string formPage, IDictionary<string, string> fields, IEnumerable<(string Name, byte[] Content)> files, string? action = null)
    {
        var (target, posted) = await FormOfAsync(formPage, fields, action);
        return await PostWithFilesAsync(target, posted, files);
    }

    /// <summary>Posts form fields and files as multipart/form-data, as they are (the same form's key twice, say).</summary>
    public Task<PortalPage> PostWithFilesAsync(string target, IDictionary<string, string> posted, IEnumerable<(string Name, byte[] Content)> files)
    {
        const string fileField = "attachments";
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in posted)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            content.Add(file, fileField, name);
        }

        var query = target.IndexOf('?', StringComparison.Ordinal);
        return SendAsync(s =>
        {
            s.Post.MultipartFormData(content).ToUrl(query < 0 ? target : target[..query]);
            if (query >= 0)
            {
                s.ConfigureHttpContext(context => context.Request.QueryString = new QueryString(target[query..]));
            }
        });
    }

    /// <summary>A file as the browser downloads it: status, headers and bytes.</summary>
    public async Task<(int Status, IHeaderDictionary Headers, byte[] Content)> DownloadAsync(string url)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url(url);
            s.ConfigureHttpContext(context => context.Connection.RemoteIpAddress = address);
            s.WithRequestHeader("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            s.IgnoreStatusCode();
        });
        using var body = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(body);
        return (result.Context.Response.StatusCode, result.Context.Response.Headers, body.ToArray());
    }

    /// <summary>The hidden inputs of the form that posts to <paramref name="action"/>, its antiforgery token among them, and the fields.</summary>
    public async Task<(string Target, Dictionary<string, string> Posted)> FormOfAsync(string formPage, IDictionary<string, string> fields, string? action)
    {
        var page = await GetAsync(formPage);
        var target = action ?? formPage;
        var form = page.Document.Forms.FirstOrDefault(f => f.GetAttribute("method") == "post" && f.GetAttribute("action") == target)
            ?? page.Document.QuerySelector("main form[method=post]") as AngleSharp.Html.Dom.IHtmlFormElement
            ?? page.Document.Forms.FirstOrDefault(f => f.GetAttribute("method") == "post")
            ?? throw new InvalidOperationException($"{formPage} has no form to post.");
        var posted = form.QuerySelectorAll("input[type=hidden]")
            .Where(input => input.GetAttribute("name") is not null)
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? string.Empty);
        if (!posted.ContainsKey("__RequestVerificationToken"))
        {
            throw new InvalidOperationException($"{formPage} has no antiforgery token.");
        }

        foreach (var (name, value) in fields)
        {
            posted[name] = value;
        }

        return (target, posted);
    }

    /// <summary>GETs <paramref name="formPage"/>, then sends its upload form with a file, as a browser sends a file input.</summary>
    public async Task<PortalPage> UploadAsync(string formPage, string field, string fileName, byte[] content)
    {
        var page = await GetAsync(formPage);
        var form = page.Document.QuerySelector("form[enctype='multipart/form-data']") as IHtmlFormElement
            ?? throw new InvalidOperationException($"{formPage} has no upload form.");
        var body = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]").Where(input => input.GetAttribute("name") is not null))
        {
            body.Add(new StringContent(input.GetAttribute("value") ?? string.Empty), input.GetAttribute("name")!);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        body.Add(file, field, fileName);
        return await SendAsync(s => s.Post.MultipartFormData(body).ToUrl(form.GetAttribute("action") ?? formPage));
    }

    /// <summary>Posts a body as it is, with this browser's cookies: duplicated fields, another content type, anything.</summary>
    public Task<PortalPage> PostRawAsync(string url, string body, string contentType) => SendAsync(s =>
    {
        s.Post.Text(body).ToUrl(url);
        s.WithRequestHeader("Content-Type", contentType);
    });

    public Task<PortalPage> PostAsync(string url, IDictionary<string, string> fields)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? url : url[..query];
        return SendAsync(s =>
        {
            s.Post.FormData(new Dictionary<string, string>(fields)).ToUrl(path);
            if (query >= 0)
            {
                s.ConfigureHttpContext(context => context.Request.QueryString = new QueryString(url[query..]));
            }
        });
    }

    private async Task<PortalPage> SendAsync(Action<Scenario> request)
    {
        var result = await host.Scenario(s =>
        {
            request(s);
            s.ConfigureHttpContext(context => context.Connection.RemoteIpAddress = address);
            if (cookies.Count > 0)
            {
                s.WithRequestHeader("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            s.IgnoreStatusCode();
        });

        var response = result.Context.Response;
        foreach (var header in response.Headers.SetCookie)
        {
            Remember(header!);
        }

        var html = await result.ReadAsTextAsync();
        return new PortalPage(response.StatusCode, response.Headers.Location.FirstOrDefault(), html, Parser.ParseDocument(html), response.Headers);
    }

    private void Remember(string setCookie)
    {
        var pair = setCookie.Split(';')[0];
        var separator = pair.IndexOf('=', StringComparison.Ordinal);
        var (name, value) = (pair[..separator], pair[(separator + 1)..]);
        var expired = setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
        if (expired || value.Length == 0)
        {
            cookies.Remove(name);
        }
        else
        {
            cookies[name] = value;
        }
    }
}
