using Navidrome.DiscordPresence.Domain.State;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>
/// The frequent inputs of a live connection, decided from the little they need (issue 10: every call pays for what
/// it reads in Navidrome's runtime): an ACK and a dispatch the session does not use only record what the
/// connection heard, whatever else is true; the heartbeat timers read the session, their beat and what was heard;
/// a SESSIONS_REPLACE (read only while <c>yieldtootherapps</c> is on) reads the session.
/// None of them looks at playback, art or the presence.
/// </summary>
public static partial class GatewaySession
{
    /// <summary>
    /// True for the dispatches the session acts on: READY (with what a resume needs), RESUMED, and SESSIONS_REPLACE
    /// when its sessions were read (<c>yieldtootherapps</c> on; otherwise it is as unused as any other event).
    /// </summary>
    public static bool IsUsed(InboundFrame.Dispatch dispatch) =>
        dispatch is { Type: "READY", Ready: not null } or { Type: "RESUMED" } or { Type: FrameReader.SessionsReplace, Listening: not null };

    /// <summary>
    /// A SESSIONS_REPLACE with the other sessions read: keep its sequence number, and when what they show changed for
    /// the current connection, store that in the session and wake a full decision at once, which clears our presence
    /// or shows it again. Discord sends one after every presence change of any of the user's sessions, ours included,
    /// so the common case (nothing changed for us) reads the session only and writes nothing but the sequence number.
    /// </summary>
    public static Step OnSessionsReplaced(string connectionId, long? sequence, ListeningSeen listening, UserState state, long nowMs)
    {
        var recorded = RecordSequence(connectionId, sequence, state);
        var session = recorded.State.Session;
        if (!IsCurrent(connectionId, state, out _) || session.Phase is Phase.Idle or Phase.Backoff or Phase.Connecting
            || !GatewayIds.TryParseConnection(connectionId, out var user, out _))
            return recorded;
        var other = listening.OtherThan(session.SessionId);
        if (other == session.OtherPlayer) return recorded;
        return new Step(recorded.State with { Session = session with { OtherPlayer = other } },
            [.. recorded.Effects, StandDownNews(user, other), TimerAt(TimerKind.Wake, nowMs, user, nowMs)]);
    }

    /// <summary>The log line saying that the plugin stands down for <paramref name="other"/>'s activity, or that it ended (null).</summary>
    private static Effect StandDownNews(string user, string? other) => new Effect.Log(LogLevel.Info, other is null
        ? $"user '{user}': the other player's Listening activity ended on Discord; showing Navidrome's again"
        : $"user '{user}': another Discord session shows Listening to '{other}'; standing down while it lasts");

    // What a connection heard is written by the decision that heard it, whatever was stored before: an ACK or an
    // unused dispatch reads nothing, so whether its write changes anything cannot depend on what is stored.

    /// <summary>An ACK arrived on <paramref name="connectionId"/>: record when, for that connection.</summary>
    public static Step RecordAck(string connectionId, UserState state, long nowMs) =>
        GatewayIds.TryParseConnection(connectionId, out var user, out var generation)
            ? new Step(state with { Received = state.Received.For(generation) with { LastAckMs = nowMs } }, [StoredState.AckWrite(user, generation, nowMs)])
            : new Step(state, []);

    /// <summary>A dispatch arrived on <paramref name="connectionId"/>: keep its sequence number (heartbeats and resumes carry it).</summary>
    public static Step RecordSequence(string connectionId, long? sequence, UserState state) =>
        sequence is { } s && GatewayIds.TryParseConnection(connectionId, out var user, out var generation)
            ? new Step(state with { Received = state.Received.For(generation) with { Sequence = s } }, [StoredState.SequenceWrite(user, generation, s)])
            : new Step(state, []);

    /// <summary>The last sequence number of the session: what the current connection heard, else what it started from.</summary>
    public static long? LastSequence(UserState state) =>
        state.Received.For(state.Session.Generation).Sequence ?? state.Session.Sequence;

    private static long LastAckMs(UserState state) => state.Received.For(state.Session.Generation).LastAckMs;

    /// <summary>
    /// A heartbeat timer (<see cref="TimerKind.FirstBeat"/> or <see cref="TimerKind.Heartbeat"/>) of a user the config
    /// still enables: beat, or close a zombie. A token Discord rejected is not checked here: the call that recorded the
    /// rejection closed the connection, so these timers find it gone and stop.
    /// </summary>
    public static Step OnBeatTimer(string scheduleId, TimerKind kind, long generation, string user, UserState state, long nowMs) => kind switch
    {
        TimerKind.FirstBeat => OnFirstBeat(generation, user, state, nowMs),
        TimerKind.Heartbeat => OnHeartbeat(scheduleId, generation, user, state, nowMs),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a heartbeat timer"),
    };

    /// <summary>How often a live connection's presence is re-decided in full (<see cref="TimerKind.Refresh"/>).</summary>
    public const int RefreshSeconds = 300;

    /// <summary>The connection's recurring schedules, which its end cancels.</summary>
    private static IEnumerable<Effect> CancelRecurring(long generation, string user) =>
        [
            new Effect.CancelSchedule(GatewayIds.Schedule(TimerKind.Heartbeat, generation, user)),
            new Effect.CancelSchedule(GatewayIds.Schedule(TimerKind.Refresh, generation, user)),
        ];

    /// <summary>True for the recurring schedules, which cancel themselves once stale (one-time schedules just end).</summary>
    public static bool IsRecurring(string scheduleId) =>
        GatewayIds.TryParseSchedule(scheduleId, out var kind, out _, out _) && kind is TimerKind.Heartbeat or TimerKind.Refresh;

    private static bool IsLive(long generation, UserState state) =>
        generation == state.Session.Generation && state.Session.Phase is not (Phase.Idle or Phase.Backoff or Phase.Connecting);

    /// <summary>The first, jittered beat: beat, then start the connection's one recurring heartbeat schedule.</summary>
    private static Step OnFirstBeat(long generation, string user, UserState state, long nowMs)
    {
        if (!IsLive(generation, state)) return new Step(state, []);
        var recurring = GatewayIds.Schedule(TimerKind.Heartbeat, generation, user);
        var refresh = GatewayIds.Schedule(TimerKind.Refresh, generation, user);
        var beat = Beat(state, user, nowMs);
        return new Step(beat.State, [
            .. beat.Effects,
            new Effect.ScheduleRecurring(recurring, BeatEverySeconds(state.Session), recurring),
            new Effect.ScheduleRecurring(refresh, RefreshSeconds, refresh),
        ]);
    }

    /// <summary>
    /// How often the recurring heartbeat fires: Hello's interval (clamped when it was heard). A session that holds no
    /// interval (its Hello's write was lost) beats at Discord's usual interval: "@every 0s" would fire every second in
    /// Navidrome (robfig/cron rounds a shorter delay up to one second), a plugin call each time.
    /// </summary>
    public static int BeatEverySeconds(SessionState session) =>
        (session.HeartbeatIntervalMs > 0 ? Math.Clamp(session.HeartbeatIntervalMs, MinHeartbeatMs, MaxHeartbeatMs) : UsualHeartbeatMs) / 1000;

    /// <summary>The heartbeat interval Discord's Hello gives in practice (41.25 s).</summary>
    public const int UsualHeartbeatMs = 41_250;

    /// <summary>A recurring beat: if the previous beat was never acknowledged the connection is a zombie, so close it
    /// with a resumable code (the close handler resumes); otherwise beat. A schedule of an older connection cancels itself.</summary>
    private static Step OnHeartbeat(string scheduleId, long generation, string user, UserState state, long nowMs)
    {
        if (!IsLive(generation, state)) return new Step(state, [new Effect.CancelSchedule(scheduleId)]);
        if (state.Beat.Generation == generation && state.Beat.LastBeatMs > LastAckMs(state))
            return new Step(state, [
                new Effect.Log(LogLevel.Info, $"user '{user}': no heartbeat ACK from Discord; reconnecting"),
                new Effect.Close(GatewayIds.Connection(user, state.Session.Generation), CloseCodes.ResumableClose, "heartbeat not acknowledged"),
            ]);
        return Beat(state, user, nowMs);
    }

    private static Step Beat(UserState state, string user, long nowMs) =>
        new(state with { Beat = new BeatState(state.Session.Generation, nowMs) },
            [new Effect.Send(GatewayIds.Connection(user, state.Session.Generation), new GatewayFrame.Heartbeat(LastSequence(state)))]);
}
