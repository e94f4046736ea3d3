using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Artwork;

/// <summary>
/// Cover Art Archive lookups: <c>HEAD /release/{mbid}/front-500</c>, then the release
/// group, without following redirects: a 307's Location is the image; 404 (no such art) and 400 (an id the archive
/// will never accept) are definite misses; anything else is a passing failure. The rules and their source are in
/// docs/web-services.md, 'The Cover Art Archive'.
/// </summary>
public static class CoverArtArchive
{
    /// <summary>Timeout per lookup.</summary>
    public const int TimeoutMs = 4_000;

    /// <summary>The HEAD request for a release or release group id (escaped into the path).</summary>
    public static HttpRequestSpec Request(bool releaseGroup, string mbid) => new(
        "HEAD",
        // The archive accepts only lower-case MBIDs (400 otherwise); tags may carry upper-case ones.
        $"https://coverartarchive.org/{(releaseGroup ? "release-group" : "release")}/{Uri.EscapeDataString(mbid.ToLowerInvariant())}/front-500",
        [],
        null,
        TimeoutMs,
        FollowRedirects: false);

    /// <summary>How a lookup ended: the image URL, a definite miss (null, true), or a passing failure (null, false).</summary>
    public static (string? Image, bool Definite) Read(HttpOutcome outcome) => outcome switch
    {
        HttpOutcome.Answered { Status: 307 or 302 or 301 or 308 } a => (Location(a), true),
        HttpOutcome.Answered { Status: 404 or 400 } => (null, true),
        _ => (null, false),
    };

    private static string? Location(HttpOutcome.Answered answer)
    {
        foreach (var header in answer.Headers)
            if (string.Equals(header.Name, "Location", StringComparison.OrdinalIgnoreCase)) return header.Value;
        return null;
    }
}
