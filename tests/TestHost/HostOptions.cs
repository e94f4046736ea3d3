using Navidrome.DiscordPresence.TestHost.Services;

namespace Navidrome.DiscordPresence.TestHost;

/// <summary>Which Navidrome the test host plays: 0.62+ sends PlaybackReport and NowPlaying, 0.60/0.61 NowPlaying only.</summary>
public enum NavidromeVersion { V061, V062 }

/// <summary>
/// What a Navidrome admin and the plugin's manifest decide: the granted users, the manifest's allowed hosts, the
/// KV size limit, the public URL artwork links start with, and the Navidrome version being imitated.
/// </summary>
public sealed record HostOptions
{
    /// <summary>Granted Navidrome users.</summary>
    public IReadOnlyList<NavidromeUser> Users { get; init; } = [];

    /// <summary>The manifest's permission keys; host functions of other services do not exist (null: all exist).</summary>
    public IReadOnlySet<string>? Permissions { get; init; }

    /// <summary>permissions.http.requiredHosts (empty: any public host).</summary>
    public IReadOnlyList<string> HttpHosts { get; init; } = DefaultHttpHosts;

    /// <summary>permissions.websocket.requiredHosts.</summary>
    public IReadOnlyList<string> WebSocketHosts { get; init; } = ["gateway.discord.gg", "*.discord.gg"];

    /// <summary>The hosts this plugin's manifest is expected to allow for http_send.</summary>
    public static readonly IReadOnlyList<string> DefaultHttpHosts =
        ["discord.com", "coverartarchive.org", "*.archive.org", "labs.api.listenbrainz.org", "uguu.se"];

    /// <summary>permissions.kvstore.maxSize in bytes.</summary>
    public long KvMaxSizeBytes { get; init; } = 1024 * 1024;

    /// <summary>Navidrome's ShareURL / BaseURL; without one, artwork URLs start with http://localhost.</summary>
    public string PublicBaseUrl { get; init; } = "http://localhost";

    /// <summary>The version whose calls the scenario steps imitate.</summary>
    public NavidromeVersion Version { get; init; } = NavidromeVersion.V062;

    /// <summary>A fixed value for every NextRandom, or null for a seeded sequence.</summary>
    public double? FixedRandom { get; init; }

    /// <summary>
    /// True: playback calls go through Navidrome's two independent workers and interleave with socket and timer
    /// callbacks; false: they are made at once, one after the other (easier transcripts).
    /// </summary>
    public bool ConcurrentWorkers { get; init; }

    /// <summary>Seeded jitter and injected host failures (<c>./scenarios.sh --chaos</c>), or null for a faithful host.</summary>
    public ChaosMonkey? Chaos { get; init; }

    /// <summary>The seed of the random sequence (and of generated ids).</summary>
    public int Seed { get; init; } = 42;
}
