namespace Navidrome.DiscordPresence.Domain.Artwork;

/// <summary>What is known about one album's art. Entries carry their own expiry because Navidrome's cache extends
/// an entry's life on every read, so a cache TTL alone would keep a negative entry alive forever.</summary>
public sealed record AlbumArt(ArtOutcome Outcome, string? Image, long UntilMs)
{
    /// <summary>How long a registered image is trusted (Discord's proxied asset for track art).</summary>
    public const long HitMs = 4 * 3600_000L;

    /// <summary>How long "no source has art for this album" is trusted.</summary>
    public const long MissMs = 6 * 3600_000L;

    /// <summary>How long a lookup that failed for a passing reason is not retried.</summary>
    public const long FailedMs = 10 * 60_000L;

    /// <summary>True while the entry may be used at <paramref name="nowMs"/>.</summary>
    public bool IsValidAt(long nowMs) => nowMs < UntilMs;
}

/// <summary>How an album's art lookup ended.</summary>
public enum ArtOutcome
{
    /// <summary>An image was registered with Discord.</summary>
    Found,
    /// <summary>No enabled source has art for the album (definite misses only).</summary>
    Missing,
    /// <summary>Something failed for a passing reason (timeout, 5xx, Discord error): retry later.</summary>
    Failed,
}

/// <summary>A fixed image registered with Discord (fallback logo, pause icon), with its expiry.</summary>
public sealed record FixedImage(string Image, long UntilMs)
{
    /// <summary>Fixed images are trusted longer than track art.</summary>
    public const long TrustMs = 48 * 3600_000L;
}

/// <summary>The fixed images known so far.</summary>
public sealed record FixedImages(FixedImage? Logo, FixedImage? Pause)
{
    /// <summary>None known.</summary>
    public static readonly FixedImages None = new(null, null);
}

/// <summary>
/// The art the core can see in one decision: the entry of the album being shown (loaded for that decision only),
/// the fixed images, and until when Discord asked us not to register images (429 Retry-After).
/// </summary>
public sealed record ArtView(string? AlbumKey, AlbumArt? Album, FixedImages Fixed, long BlockedUntilMs)
{
    /// <summary>Nothing known.</summary>
    public static readonly ArtView None = new(null, null, FixedImages.None, 0);
}
