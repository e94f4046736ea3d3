using Navidrome.DiscordPresence.Domain.Playback;

namespace Navidrome.DiscordPresence.Tests.Simulation;

/// <summary>Something that happens in a simulated world: Navidrome reports, time passing, Discord misbehaving.</summary>
public abstract record WorldEvent
{
    private WorldEvent() { }

    /// <summary>A PlaybackReport from one of a user's players.</summary>
    public sealed record Report(int User, int Player, ReportState State, int Track, int PositionSeconds, double Rate) : WorldEvent;

    /// <summary>A NowPlaying call (0.60/0.61 style, also sent by 0.62+ next to reports).</summary>
    public sealed record NowPlaying(int User, int Track, int PositionSeconds) : WorldEvent;

    /// <summary>Virtual time passes; due timers fire in order.</summary>
    public sealed record Advance(int Seconds) : WorldEvent;

    /// <summary>Discord drops the TCP connection (on_error, no close code).</summary>
    public sealed record Drop(int User) : WorldEvent;

    /// <summary>Discord closes the connection with a code.</summary>
    public sealed record CloseWith(int User, int Code) : WorldEvent;

    /// <summary>Discord sends op 7.</summary>
    public sealed record Reconnect(int User) : WorldEvent;

    /// <summary>Discord sends op 9.</summary>
    public sealed record InvalidSession(int User, bool Resumable) : WorldEvent;

    /// <summary>Discord sends an unrelated dispatch.</summary>
    public sealed record Noise(int User) : WorldEvent;

    /// <summary>
    /// Another of the user's Discord sessions starts showing a Listening activity of another app (<paramref name="Player"/>,
    /// e.g. Spotify), or stops (null): Discord sends SESSIONS_REPLACE to the open session, and READY lists it from then on.
    /// </summary>
    public sealed record OtherPlayer(int User, string? Player) : WorldEvent;

    /// <summary>Discord sends SESSIONS_REPLACE with nothing new for us (as after each of our own presence updates).</summary>
    public sealed record SessionsEcho(int User) : WorldEvent;

    /// <summary>Discord asks for a heartbeat (op 1).</summary>
    public sealed record HeartbeatRequest(int User) : WorldEvent;

    /// <summary>Discord stops (or resumes) acknowledging heartbeats: a zombie connection.</summary>
    public sealed record WithholdAcks(int User, bool Withhold) : WorldEvent;

    /// <summary>The next connect of this user fails.</summary>
    public sealed record FailNextConnect(int User) : WorldEvent;

    /// <summary>The host refuses this user's next schedule (one-time or recurring) with an error.</summary>
    public sealed record FailNextSchedule(int User) : WorldEvent;

    /// <summary>The host accepts this user's next schedule but it never fires: a timer lost without a word.</summary>
    public sealed record LoseNextTimer(int User) : WorldEvent;

    /// <summary>
    /// The host fails this user's next WebSocket send, and every later send on that connection (Navidrome's
    /// gorilla/websocket keeps a connection's first write error); Discord keeps the connection open.
    /// </summary>
    public sealed record BreakNextSend(int User) : WorldEvent;

    /// <summary>The host fails this user's next write of a key starting with <paramref name="KeyPrefix"/> however often it is tried: the write is lost.</summary>
    public sealed record LoseNextWrite(int User, string KeyPrefix) : WorldEvent;
}
