namespace Navidrome.DiscordPresence.Domain.State;

/// <summary>The separately stored parts of a user's state (keys: <see cref="StateKeys"/>); a set of them says what an input reads.</summary>
[Flags]
public enum StatePart
{
    /// <summary>Nothing stored is read.</summary>
    None = 0,
    /// <summary>The players' playback (KV).</summary>
    Playback = 1 << 0,
    /// <summary>NowPlaying as pre-0.62 hosts report it (KV).</summary>
    NowPlaying = 1 << 1,
    /// <summary>What the host is known to send (KV, shared).</summary>
    Host = 1 << 2,
    /// <summary>A token Discord rejected (KV).</summary>
    Token = 1 << 3,
    /// <summary>The gateway session (cache).</summary>
    Session = 1 << 4,
    /// <summary>The heartbeat timer's last beat (cache).</summary>
    Beat = 1 << 5,
    /// <summary>What the session's current connection heard: last ACK and sequence (cache, per connection). Needs <see cref="Session"/>.</summary>
    Received = 1 << 6,
    /// <summary>Presences sent: de-duplication and the rate window (cache).</summary>
    Sent = 1 << 7,
    /// <summary>The looked-up gateway URL (cache, shared).</summary>
    GatewayUrl = 1 << 8,
    /// <summary>Art of the album in focus, fixed images, the 429 block (cache, shared).</summary>
    Art = 1 << 9,
    /// <summary>The Spotify link of the track in focus (cache, shared).</summary>
    Links = 1 << 10,
    /// <summary>The year and genre of the track in focus (cache, shared).</summary>
    Song = 1 << 11,
    /// <summary>Every part.</summary>
    All = (1 << 12) - 1,
}
