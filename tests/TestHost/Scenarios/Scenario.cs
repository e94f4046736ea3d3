namespace Navidrome.DiscordPresence.TestHost.Scenarios;

/// <summary>One step of a scenario: at a scenario time, a verb and its words (docs/scenarios.md).</summary>
public sealed record ScenarioStep(int Line, long AtMs, string Verb, IReadOnlyList<string> Args, string Text);

/// <summary>A parsed scenario file: the world it sets up and the timed steps it replays.</summary>
public sealed record Scenario(
    string Name,
    string Path,
    NavidromeVersion Version,
    double? FixedRandom,
    string ConfigJson,
    IReadOnlyList<string> GrantedUsers,
    string? PublicBaseUrl,
    IReadOnlyDictionary<string, TrackInfo> Tracks,
    IReadOnlyList<ScenarioStep> Setup,
    IReadOnlyList<ScenarioStep> Steps,
    IReadOnlySet<string> Allowances,
    bool ConcurrentWorkers,
    string? KnownBug);

/// <summary>A scenario file that cannot be read; the message names the file and line.</summary>
public sealed class ScenarioFormatException(string message) : Exception(message);
