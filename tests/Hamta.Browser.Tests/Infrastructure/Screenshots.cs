namespace Hamta.Browser.Tests.Infrastructure;

/// <summary>Where the journeys keep their screenshots: artifacts/screenshots in the repository (see the README).</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public static string PathOf(string page, Screen screen) => Path.Combine(Folder, $"{page}-{screen.Name}.png");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Hamta.sln")))
            {
                return directory.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
