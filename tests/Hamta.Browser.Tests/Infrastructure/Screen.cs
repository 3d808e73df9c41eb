namespace Hamta.Browser.Tests.Infrastructure;

/// <summary>The two screens every journey is walked on: a phone held upright and a desktop.</summary>
public sealed record Screen(string Name, int Width, int Height, bool IsPhone)
{
    public const string PhoneName = "phone";
    public const string DesktopName = "desktop";

    public static readonly Screen Phone = new(PhoneName, 390, 844, IsPhone: true);
    public static readonly Screen Desktop = new(DesktopName, 1366, 900, IsPhone: false);

    public static Screen Named(string name) => name switch
    {
        PhoneName => Phone,
        DesktopName => Desktop,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown screen."),
    };
}
