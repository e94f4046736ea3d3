using Navidrome.DiscordPresence.Domain.Playback;

namespace Navidrome.DiscordPresence.Domain.Presence;

/// <summary>
/// What a user's presence should show right now, before it is rendered into Discord's fields:
/// the track, whether it is paused, and where playback was at a wall-clock instant.
/// At <paramref name="AnchorMs"/> (Unix ms) the position was <paramref name="PositionMs"/>; while playing it advances
/// at <paramref name="Rate"/> track-milliseconds per wall-clock millisecond. <paramref name="PlayerName"/> is the owning
/// player's name (empty when the host does not say, as NowPlaying does not).
/// </summary>
public sealed record NowShowing(Track Track, bool Paused, long PositionMs, double Rate, long AnchorMs, string PlayerName = "")
{
    /// <summary>The wall-clock instant (Unix ms) at which this play would have been at position 0.</summary>
    public long ImpliedStartMs => AnchorMs - (long)Math.Round(PositionMs / Rate);

    /// <summary>The wall-clock instant (Unix ms) at which the track will end if it keeps playing, or null when the duration is unknown.</summary>
    public long? ImpliedEndMs => Track.DurationMs > 0 ? ImpliedStartMs + (long)Math.Round(Track.DurationMs / Rate) : null;
}

/// <summary>
/// Images and links resolved outside the core's presence rules (artwork issue): media-proxy image values
/// (<c>mp:…</c>) and clickable URLs. Any of them may be missing. <see cref="Links"/> are the track's links for the
/// buttons' URL templates, whatever the links mode (found only when buttons are configured).
/// </summary>
public sealed record Decorations(
    string? LargeImage = null,
    string? PauseImage = null,
    string? LogoImage = null,
    string? DetailsUrl = null,
    string? StateUrl = null,
    string? LargeUrl = null,
    TrackLinks? Links = null)
{
    /// <summary>No images, no links.</summary>
    public static readonly Decorations None = new();
}
