namespace Navidrome.DiscordPresence.TestHost.Scenarios;

/// <summary>Finds scenario files: a file as given, or every *.scenario under a folder, in name order.</summary>
public static class ScenarioFiles
{
    public const string Extension = ".scenario";

    public static IEnumerable<string> Find(string target) =>
        Directory.Exists(target)
            ? Directory.EnumerateFiles(target, "*" + Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [target];

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
