using System.Collections.Concurrent;
using Markdig;
using Markdig.Syntax;
using Microsoft.Extensions.FileProviders;

namespace Hamta.Host.Information;

/// <summary>
/// The information pages, kept as Markdown under <c>Content/fa</c> so that they are edited without a
/// developer. Raw HTML in a file is shown as text, never run; a page is rendered once per change of its file.
/// </summary>
public sealed class InformationPages(IWebHostEnvironment environment)
{
    public const string Folder = "Content/fa";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseGenericAttributes()
        .UsePipeTables()
        .DisableHtml()
        .Build();

    private readonly ConcurrentDictionary<string, (DateTimeOffset Modified, string Title, string Html)> rendered = new();

    /// <summary>The page's title (its first heading) and its HTML.</summary>
    public (string Title, string Html) Get(string slug)
    {
        var file = environment.ContentRootFileProvider.GetFileInfo($"{Folder}/{slug}.md");
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The information page '{slug}' has no file in {Folder}.");
        }

        var page = rendered.AddOrUpdate(slug,
            _ => Render(file),
            (_, cached) => cached.Modified == file.LastModified ? cached : Render(file));
        return (page.Title, page.Html);
    }

    private static (DateTimeOffset, string, string) Render(IFileInfo file)
    {
        using var reader = new StreamReader(file.CreateReadStream());
        var document = Markdown.Parse(reader.ReadToEnd(), Pipeline);
        var title = document.Descendants<HeadingBlock>().FirstOrDefault() is { Inline: { } inline }
            ? string.Concat(inline.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString()))
            : file.Name;
        return (file.LastModified, title, document.ToHtml(Pipeline));
    }
}
