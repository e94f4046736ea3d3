namespace Navidrome.DiscordPresence.Tests.Manifest;

/// <summary>Finds files of the repository, and of <c>../shared</c> beside it (absent on a plain clone).</summary>
public static class RepositoryFiles
{
    /// <summary>The repository root: the nearest folder above the test binaries holding DiscordPresence.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path inside the repository.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>A file of Navidrome's own definitions in <c>../shared/navidrome</c>, or null when that folder is not there.</summary>
    public static string? SharedNavidromeFile(string name)
    {
        var path = System.IO.Path.Combine(Root, "..", "shared", "navidrome", name);
        return File.Exists(path) ? path : null;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DiscordPresence.sln"))) return dir.FullName;
        throw new InvalidOperationException("DiscordPresence.sln not found above " + AppContext.BaseDirectory);
    }
}
