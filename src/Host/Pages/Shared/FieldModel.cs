namespace Hamta.Host.Pages.Shared;

/// <summary>One labelled form field, its value and its error, rendered by the _Field partial.</summary>
public sealed record FieldModel(
    string Name, string Label, string? Value, string? Error, bool Numeric = false, string? Autocomplete = null, string Type = "text", string? Hint = null)
{
    public string Id => Name.ToLowerInvariant();
}
