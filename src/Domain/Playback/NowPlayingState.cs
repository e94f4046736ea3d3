namespace Navidrome.DiscordPresence.Domain.Playback;

/// <summary>
/// The last NowPlaying call of a user (Navidrome 0.60/0.61, where it is the only live signal). NowPlaying has no
/// player id, no pause and no stop, so the play counts as over shortly after its implied end.
/// <see cref="ChangedMs"/>: as <see cref="PlaybackState.ChangedMs"/>.
/// </summary>
public sealed record NowPlayingState(PlayerSession? Current, long ChangedMs = 0)
{
    /// <summary>Nothing reported.</summary>
    public static readonly NowPlayingState Empty = new((PlayerSession?)null);

    /// <summary>Grace after the implied end before the presence clears (Navidrome itself waits 5 s before it expires a play).</summary>
    public const long EndGraceMs = 5_000;

    /// <summary>How long a play of unknown duration is shown without a new report.</summary>
    public const long UnknownDurationShowMs = 15 * 60_000;
}
