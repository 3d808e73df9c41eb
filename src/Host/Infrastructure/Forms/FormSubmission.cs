namespace Hamta.Host.Infrastructure.Forms;

/// <summary>A form post that was carried out: where its answer sent the browser, for a re-post of the same form.</summary>
public sealed record FormSubmission(Guid Id, string? Owner, string Location, DateTimeOffset At)
{
    public const string Schema = "web";
}
