using Navidrome.DiscordPresence.Domain.Presence;

namespace Navidrome.DiscordPresence.Domain.Song;

/// <summary>
/// A track's year and genre as Navidrome's Subsonic API answered them (null: the song has none, or the lookup
/// failed), with the entry's own expiry: one entry per track, shared by every user (see
/// <see cref="Artwork.AlbumArt"/> for why the cache's sliding TTL alone is not enough).
/// </summary>
public sealed record SongFacts(int? Year, string? Genre, long UntilMs)
{
    /// <summary>An answer is trusted for a day: tags change rarely, and a re-tagged year shows the next day at the latest.</summary>
    public const long AnsweredMs = 24 * 3600_000L;

    /// <summary>A failed lookup is retried after 10 minutes.</summary>
    public const long FailedMs = 10 * 60_000L;

    /// <summary>What the templates show.</summary>
    public TrackExtras Extras => new(Year, Genre);
}

/// <summary>The facts of the track in focus, as loaded for one decision (<see cref="TrackKey"/>: the track they belong to).</summary>
public sealed record SongFactsView(string? TrackKey, SongFacts? Facts)
{
    /// <summary>Nothing known.</summary>
    public static readonly SongFactsView None = new(null, null);
}
