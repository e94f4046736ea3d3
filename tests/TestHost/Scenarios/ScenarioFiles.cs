namespace Navidrome.DiscordPresence.TestHost.Scenarios;

/// <summary>Finds scenario files: a file as given, or every *.scenario under a folder, in name order.</summary>
public static class ScenarioFiles
{
    public const string Extension = ".scenario";

    public static IEnumerable<string> Find(string target) =>
        Directory.Exists(target)
            ? Directory.EnumerateFiles(target, "*" + Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [target];

    /// <summary>Every shipped scenario, as a path relative to the repository's tests/scenarios folder (test case names).</summary>
    public static IEnumerable<string> Shipped()
    {
        var folder = RepositoryFolder(AppContext.BaseDirectory);
        return Find(folder).Select(file => Path.GetRelativePath(folder, file));
    }

    /// <summary>The path of a shipped scenario named as <see cref="Shipped"/> names it.</summary>
    public static string PathOf(string shipped) => Path.Combine(RepositoryFolder(AppContext.BaseDirectory), shipped);

    /// <summary>The repository's tests/scenarios folder, found upwards from <paramref name="start"/>.</summary>
    public static string RepositoryFolder(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "scenarios");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "DiscordPresence.sln"))) return candidate;
        }
        throw new DirectoryNotFoundException($"no tests/scenarios above {start}");
    }
}
