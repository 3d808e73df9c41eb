namespace Hamta.Host.Pages.Shared;

/// <summary>Text of unknown direction (a username, a brand) placed inside a Persian sentence.</summary>
public static class Bidi
{
    private const char FirstStrongIsolate = '\u2068';
    private const char PopDirectionalIsolate = '\u2069';

    /// <summary>Isolates the text so that its own direction cannot reorder the sentence around it, as <c>bdi</c> does in markup.</summary>
    public static string Isolate(string text) => $"{FirstStrongIsolate}{text}{PopDirectionalIsolate}";
}
