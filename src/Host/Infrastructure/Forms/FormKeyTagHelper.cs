using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hamta.Host.Infrastructure.Forms;

/// <summary>Every form that posts carries a fresh one-time key, next to its antiforgery token.</summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class FormKeyTagHelper(TimeProvider clock) : TagHelper
{
    public string? Method { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("method", Method);
        if (string.Equals(Method, "post", StringComparison.OrdinalIgnoreCase))
        {
            output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{OneTimeForms.FieldName}\" value=\"{Guid.CreateVersion7(clock.GetUtcNow())}\">");
        }
    }
}
