namespace Navidrome.DiscordPresence.Domain.Playback;

/// <summary>
/// What one player of a user is doing, as last reported. At <see cref="AnchorMs"/> the position was
/// <see cref="PositionMs"/>. <see cref="StartedMs"/> is when this player last started playing (a new track, or
/// resuming from pause): the player that started most recently owns the user's presence.
/// <see cref="PausedSinceMs"/> is set while paused, and is when the pause began.
/// </summary>
public sealed record PlayerSession(
    string PlayerId,
    string PlayerName,
    Track Track,
    bool Paused,
    long PositionMs,
    double Rate,
    long AnchorMs,
    long StartedMs,
    long? PausedSinceMs);
