namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>
/// Connection and schedule ids. Every id names the user and a number (a connection generation or an instant), so
/// a callback routes itself to its user, and a callback from an older connection is recognised as stale (see
/// docs/go-plugin-weaknesses.md, 'Heartbeat schedule id collisions' and 'No connection generation').
/// Ids are also our only mutex: the host refuses a second connection or schedule under an id that exists, so two
/// racing calls that compute the same next id cannot both open a connection.
/// Shape: <see cref="TaggedId"/>.
/// </summary>
public static class GatewayIds
{
    private const string ConnectionKind = "drp";

    /// <summary>The connection id of a user's gateway connection of a generation.</summary>
    public static string Connection(string user, int generation) => Format(ConnectionKind, generation, user);

    /// <summary>Reads a connection id of ours.</summary>
    public static bool TryParseConnection(string id, out string user, out int generation)
    {
        generation = 0;
        if (!TryParse(id, out var kind, out var number, out user) || kind != ConnectionKind || number is < 0 or > int.MaxValue) return false;
        generation = (int)number;
        return true;
    }

    /// <summary>The id of a schedule of some kind for a user.</summary>
    public static string Schedule(TimerKind kind, long number, string user) => Format(KindName(kind), number, user);

    /// <summary>Reads a schedule id of ours.</summary>
    public static bool TryParseSchedule(string id, out TimerKind kind, out long number, out string user)
    {
        kind = default;
        if (!TryParse(id, out var name, out number, out user)) return false;
        foreach (var candidate in Enum.GetValues<TimerKind>())
        {
            if (KindName(candidate) != name) continue;
            kind = candidate;
            return true;
        }
        return false;
    }

    private static string KindName(TimerKind kind) => kind switch
    {
        TimerKind.FirstBeat => "hb0",
        TimerKind.Heartbeat => "hb",
        TimerKind.Refresh => "refresh",
        TimerKind.Retry => "retry",
        TimerKind.IdleClose => "idle",
        TimerKind.Flush => "flush",
        TimerKind.Wake => "wake",
        TimerKind.Reidentify => "reid",
        TimerKind.Artwork => "art",
        TimerKind.Links => "links",
        TimerKind.ConnectClaim => "connect",
        TimerKind.PresenceSlot => "slot",
        TimerKind.SongInfo => "song",
        TimerKind.Recheck => "recheck",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Format(string kind, long number, string user) => TaggedId.Format(kind, number, user);

    private static bool TryParse(string id, out string kind, out long number, out string user) =>
        TaggedId.TryParse(id, out kind, out number, out user);
}

/// <summary>The plugin's timers.</summary>
public enum TimerKind
{
    /// <summary>The first, jittered heartbeat after Hello (one-time; number = generation).</summary>
    FirstBeat,
    /// <summary>The recurring heartbeat of a connection (number = generation).</summary>
    Heartbeat,
    /// <summary>
    /// The recurring refresh of a connection (number = generation): a full decision every
    /// <see cref="GatewaySession.RefreshSeconds"/>, so a presence that depends on what other users' calls stored
    /// (art, the pause icon) catches up although ACKs and heartbeats, the frequent calls, look at nothing but the
    /// connection.
    /// </summary>
    Refresh,
    /// <summary>A reconnect after a backoff (number = generation that failed).</summary>
    Retry,
    /// <summary>Closing an idle connection after the grace period (number = when the clear was sent).</summary>
    IdleClose,
    /// <summary>Sending a presence the rate limit held back (number = when the window allows it).</summary>
    Flush,
    /// <summary>Re-deciding when the desired presence changes by itself: pause timeout, NowPlaying end, lookups that
    /// settled (number = when; a settling wake's is a whole second, shared by the lookups answered in one second).</summary>
    Wake,
    /// <summary>Identifying again a few seconds after op 9 (number = generation).</summary>
    Reidentify,
    /// <summary>Looking an album's art up, off Navidrome's playback worker (number = the album key's number).</summary>
    Artwork,
    /// <summary>Looking a track's Spotify link up (number = the link key's number).</summary>
    Links,
    /// <summary>Looking a track's year and genre up with Subsonic getSong (number = the track key's number).</summary>
    SongInfo,
    /// <summary>
    /// The lock on opening a connection generation (number = that generation): only the call whose schedule the host
    /// accepted connects. Its callback does nothing.
    /// </summary>
    ConnectClaim,
    /// <summary>One of the <see cref="SentPresence.Budget"/> presence slots of the rate window (number = the slot):
    /// taken for <see cref="SentPresence.SlotSeconds"/> by each presence update. Its callback does nothing.</summary>
    PresenceSlot,
    /// A full decision in place of a timer the host refused to arm (number = when it is due): it checks the
    /// session's deadline and converges (GatewaySession.OnScheduleFailed).
    /// </summary>
    Recheck,
}
