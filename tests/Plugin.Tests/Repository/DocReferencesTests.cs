using System.Text.RegularExpressions;
using Navidrome.DiscordPresence.Tests.Manifest;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Repository;

/// <summary>
/// The repository stands on its own: no file points at notes that do not ship with it (weakness numbers, section
/// signs, the research notes' file names), and every docs/*.md path that code, build scripts or tests mention exists.
/// </summary>
public partial class DocReferencesTests
{
    private static readonly string[] Scanned = ["src", "build", "tests", "docs", "README.md"];
    private static readonly string[] PathsFrom = ["src", "build", "tests", "docs", "README.md"];
    private static readonly HashSet<string> Outputs = ["bin", "obj", "node_modules", "out", "TestResults"];

    [GeneratedRegex(@"\bW[0-9]{1,2}\b|§ ?[0-9]+|(discord-protocol|navidrome-plugin-abi|wasm-build-notes|style|design)\.md")]
    private static partial Regex OutsideReference();

    [GeneratedRegex(@"(?<![A-Za-z0-9_./-])docs/[A-Za-z0-9_.-]+\.md")]
    private static partial Regex DocsPath();

    /// <summary>Text files under the given roots, build outputs and lock files left out.</summary>
    private static IEnumerable<(string Relative, string Text)> TextFiles(IEnumerable<string> roots)
    {
        foreach (var root in roots)
        {
            var full = RepositoryFiles.Path(root);
            var files = File.Exists(full) ? [full] : Directory.Exists(full) ? Walk(full) : [];
            foreach (var file in files)
            {
                if (Path.GetFileName(file) == "package-lock.json") continue; // integrity hashes, not prose
                var bytes = File.ReadAllBytes(file);
                if (Array.IndexOf(bytes, (byte)0) >= 0) continue; // binary
                yield return (Path.GetRelativePath(RepositoryFiles.Root, file), System.Text.Encoding.UTF8.GetString(bytes));
            }
        }
    }

    private static IEnumerable<string> Walk(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder)) yield return file;
        foreach (var sub in Directory.EnumerateDirectories(folder))
            if (!Outputs.Contains(Path.GetFileName(sub)))
                foreach (var file in Walk(sub)) yield return file;
    }

    private static IEnumerable<string> Lines(string relative, string text, Regex pattern) =>
        text.Split('\n').Select((line, i) => (line, i))
            .Where(l => pattern.IsMatch(l.line))
            .Select(l => $"{relative}:{l.i + 1}: {pattern.Match(l.line).Value}");

    [Fact]
    public void No_file_points_at_notes_outside_the_repository()
    {
        var found = TextFiles(Scanned).SelectMany(f => Lines(f.Relative, f.Text, OutsideReference())).ToList();
        Assert.True(found.Count == 0,
            "references to documents that are not in the repository (point at a heading of docs/*.md instead):\n" + string.Join("\n", found));
    }

    [Fact]
    public void Every_docs_path_mentioned_exists()
    {
        var missing = TextFiles(PathsFrom)
            .SelectMany(f => DocsPath().Matches(f.Text).Select(m => (f.Relative, Path: m.Value)))
            .Where(r => !File.Exists(RepositoryFiles.Path(r.Path)))
            .Select(r => $"{r.Relative}: {r.Path}")
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0, "docs paths that do not exist:\n" + string.Join("\n", missing));
    }

    /// <summary>A docs path followed by the quoted headings a pointer names: <c>docs/…md, 'A' and 'B'</c>.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_./-])(docs/[A-Za-z0-9_.-]+\.md),\s*((?:'[^'\n]{1,80}'|""[^""\n]{1,80}"")(?:\s*(?:,|and|or)\s*(?:'[^'\n]{1,80}'|""[^""\n]{1,80}""))*)")]
    private static partial Regex HeadingPointer();

    [GeneratedRegex(@"'([^'\n]{1,80})'|""([^""\n]{1,80})""")]
    private static partial Regex Quoted();

    /// <summary>Comment markers of continued lines, so a pointer wrapped over two comment lines reads as one.</summary>
    [GeneratedRegex(@"\n[ \t]*(?:///?|#|\*)?[ \t]*")]
    private static partial Regex LineJoin();

    [Fact]
    public void Every_heading_a_pointer_names_exists()
    {
        var missing = new List<string>();
        foreach (var (relative, text) in TextFiles(PathsFrom))
            foreach (Match pointer in HeadingPointer().Matches(LineJoin().Replace(text, " ")))
            {
                var doc = RepositoryFiles.Path(pointer.Groups[1].Value);
                if (!File.Exists(doc)) continue; // reported by Every_docs_path_mentioned_exists
                var headings = File.ReadLines(doc).Where(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim()).ToList();
                foreach (Match quoted in Quoted().Matches(pointer.Groups[2].Value))
                {
                    var heading = quoted.Groups[1].Success ? quoted.Groups[1].Value : quoted.Groups[2].Value;
                    if (!headings.Any(h => h == heading || h.StartsWith(heading + " (", StringComparison.Ordinal)))
                        missing.Add($"{relative}: {pointer.Groups[1].Value}, '{heading}'");
                }
            }
        Assert.True(missing.Count == 0, "pointers to headings that do not exist:\n" + string.Join("\n", missing.Distinct()));
    }

    [Theory]
    // Written in pieces, so that this file does not match its own pattern.
    [InlineData("see W" + "12", true)]
    [InlineData("(discord-protocol" + ".md §" + "4.8)", true)]
    [InlineData("§" + "3", true)]
    [InlineData("design" + ".md \"The seam\"", true)]
    [InlineData("see docs/discord-gateway.md, 'Zombie connections'", false)]
    [InlineData("Windows 10 and W3C", false)]
    public void The_pattern_finds_what_it_should(string text, bool found) =>
        Assert.Equal(found, OutsideReference().IsMatch(text));
}
