namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>The inputs the gateway session tells apart, as far as its phase is concerned (<see cref="SessionTable"/>).</summary>
public enum SessionEvent
{
    /// <summary>Nothing on the connection: a report, NowPlaying, an art or link answer, a wake, flush, refresh or recheck timer.</summary>
    Changed,
    /// <summary>The gateway URL lookup answered (or failed).</summary>
    GatewayUrl,
    /// <summary>The host could not open the connection.</summary>
    ConnectFailed,
    /// <summary>op 10.</summary>
    Hello,
    /// <summary>READY or RESUMED.</summary>
    ReadyOrResumed,
    /// <summary>What a live connection only records or answers: an ACK, another dispatch, op 1, an unknown or malformed frame.</summary>
    Heard,
    /// <summary>op 7, or op 9 with a resumable session.</summary>
    Reconnect,
    /// <summary>op 9 without a resumable session.</summary>
    InvalidSession,
    /// <summary>The re-identify timer after op 9.</summary>
    ReidentifyDue,
    /// <summary>The first or a recurring heartbeat timer.</summary>
    HeartbeatDue,
    /// <summary>The connection ended and may be resumed or identified again: a close, an error, our close of a connection already gone.</summary>
    Closed,
    /// <summary>A send failed on an open connection: the host's WebSocket fails every later write on it too.</summary>
    SendBroken,
    /// <summary>Closed with 4015: too many sessions.</summary>
    ClosedTooMany,
    /// <summary>Closed with a code that rejects the token or the session's shape (4004, 4010–4014).</summary>
    ClosedForGood,
    /// <summary>The backoff's retry timer.</summary>
    RetryDue,
    /// <summary>The idle grace after the presence cleared ended.</summary>
    IdleCloseDue,
    /// <summary>Any input decided in full (not an ACK, an unused dispatch or a heartbeat timer) finds a waiting phase past its deadline.</summary>
    DeadlinePassed,
}

/// <summary>One row of the session's state machine: in <paramref name="From"/>, on <paramref name="On"/>, when
/// <paramref name="When"/> holds, the session moves to <paramref name="To"/> and <paramref name="Does"/>.</summary>
public sealed record Transition(Phase From, SessionEvent On, string When, Phase To, string Does);

/// <summary>
/// The gateway session's state machine in one place: every phase × every event, what decides between the rows, the
/// next phase and what the session does. <c>GatewaySession</c> (the partial files next to this one) is the code; a
/// test walks every pair of this table through the core and checks that the phase it reaches is one the table names.
/// Three rules hold for every row and are not repeated:
/// - anything carrying an older connection generation is ignored (a stale recurring schedule cancels itself), except
///   a Hello on a connection the session does not wait for (a racing call moved the session on, or abandoned the dial):
///   that connection is closed for good, so it cannot stay open unbeaten; a frame of a newer generation (its opening
///   was never stored) closes that connection, and the session takes its generation, Idle, opening the next when there
///   is something to show (GatewaySession.Strays.cs);
/// - once Discord rejected the user's token, a connection still open is closed for good and the session stays Idle
///   until the config's token changes;
/// - a waiting phase (Connecting, Identifying, Resuming, Backoff) past its deadline (<see cref="PhaseDeadlines"/>) is
///   taken as stuck by any input decided in full, after that input's own row: the rows for
///   <see cref="SessionEvent.DeadlinePassed"/> say where it goes.
/// </summary>
public static class SessionTable
{
    private const string Show = "something to show", Clear = "nothing to show", Always = "";

    /// <summary>The rows, grouped by phase.</summary>
    public static readonly IReadOnlyList<Transition> Rows =
    [
        // ---- Idle: no connection, nothing pending.
        new(Phase.Idle, SessionEvent.Changed, Show, Phase.Connecting, "look the gateway URL up (first time) or connect, resuming a session Discord may still hold"),
        new(Phase.Idle, SessionEvent.Changed, Clear, Phase.Idle, "nothing"),
        .. Ignored(Phase.Idle, "no connection to hear from",
            SessionEvent.GatewayUrl, SessionEvent.ConnectFailed, SessionEvent.Hello, SessionEvent.ReadyOrResumed, SessionEvent.Heard,
            SessionEvent.Reconnect, SessionEvent.InvalidSession, SessionEvent.ReidentifyDue, SessionEvent.HeartbeatDue,
            SessionEvent.Closed, SessionEvent.SendBroken, SessionEvent.ClosedTooMany, SessionEvent.ClosedForGood, SessionEvent.RetryDue, SessionEvent.IdleCloseDue),
        .. Ignored(Phase.Idle, "Idle has no deadline", SessionEvent.DeadlinePassed),

        // ---- Connecting: a connection was asked for; waiting for Hello.
        new(Phase.Connecting, SessionEvent.Changed, Always, Phase.Connecting, "wait (a lookup's call arms a wake 2 s ahead, for READY may read before its result is stored)"),
        .. Overdue(Phase.Connecting),
        new(Phase.Connecting, SessionEvent.GatewayUrl, Always, Phase.Connecting, "connect to the URL found, else to Discord's documented gateway"),
        new(Phase.Connecting, SessionEvent.ConnectFailed, "the id already exists", Phase.Connecting, "nothing: the call that holds the id owns the connection"),
        new(Phase.Connecting, SessionEvent.ConnectFailed, "any other failure", Phase.Backoff, "forget the gateway URL, arm the retry timer"),
        new(Phase.Connecting, SessionEvent.Hello, "a session to resume", Phase.Resuming, "arm the first beat, send resume"),
        new(Phase.Connecting, SessionEvent.Hello, "no session", Phase.Identifying, "arm the first beat, send identify with the presence"),
        new(Phase.Connecting, SessionEvent.ReadyOrResumed, Always, Phase.Ready, "as in Identifying"),
        new(Phase.Connecting, SessionEvent.Heard, Always, Phase.Connecting, "record the sequence number"),
        new(Phase.Connecting, SessionEvent.Reconnect, Always, Phase.Connecting, "close resumably; the close decides"),
        new(Phase.Connecting, SessionEvent.InvalidSession, Always, Phase.Identifying, "forget the session, arm the re-identify timer"),
        .. Ignored(Phase.Connecting, "not live yet", SessionEvent.ReidentifyDue, SessionEvent.HeartbeatDue, SessionEvent.RetryDue, SessionEvent.IdleCloseDue),
        .. AfterClose(Phase.Connecting, reachedReady: false),

        // ---- Identifying: identify sent (or due after op 9); waiting for READY.
        .. Waiting(Phase.Identifying),
        new(Phase.Identifying, SessionEvent.ReidentifyDue, "no session to resume", Phase.Identifying, "send identify with the presence"),
        new(Phase.Identifying, SessionEvent.ReidentifyDue, "a session to resume", Phase.Identifying, "nothing (only op 9 arms this timer, and it forgets the session)"),

        // ---- Resuming: resume sent; waiting for RESUMED.
        .. Waiting(Phase.Resuming),
        .. Ignored(Phase.Resuming, "a resume is under way", SessionEvent.ReidentifyDue),

        // ---- Ready: presence updates go through.
        new(Phase.Ready, SessionEvent.Changed, Always, Phase.Ready, "send the desired presence if it changed (rate limited: a flush timer holds the newest back); a lookup's call arms a wake 2 s ahead instead, which sends once the lookups settled"),
        new(Phase.Ready, SessionEvent.ReadyOrResumed, Always, Phase.Ready, "send the presence again"),
        new(Phase.Ready, SessionEvent.Heard, Always, Phase.Ready, "record; answer op 1 with a beat"),
        new(Phase.Ready, SessionEvent.Hello, "a session to resume", Phase.Resuming, "as in Connecting"),
        new(Phase.Ready, SessionEvent.Hello, "no session", Phase.Identifying, "as in Connecting"),
        new(Phase.Ready, SessionEvent.Reconnect, Always, Phase.Ready, "close resumably; the close decides"),
        new(Phase.Ready, SessionEvent.InvalidSession, Always, Phase.Identifying, "forget the session, arm the re-identify timer"),
        new(Phase.Ready, SessionEvent.HeartbeatDue, "the last beat was acknowledged", Phase.Ready, "beat (the first beat also starts the recurring heartbeat and refresh)"),
        new(Phase.Ready, SessionEvent.HeartbeatDue, "the last beat was not acknowledged", Phase.Ready, "close resumably (a zombie); the close decides"),
        new(Phase.Ready, SessionEvent.IdleCloseDue, "still clear and idle long enough", Phase.Ready, "close for good; the close decides"),
        new(Phase.Ready, SessionEvent.IdleCloseDue, "something shown since", Phase.Ready, "nothing"),
        .. Ignored(Phase.Ready, "nothing pending", SessionEvent.GatewayUrl, SessionEvent.ConnectFailed, SessionEvent.ReidentifyDue, SessionEvent.RetryDue),
        .. Ignored(Phase.Ready, "Ready has no deadline", SessionEvent.DeadlinePassed),
        .. AfterClose(Phase.Ready, reachedReady: true),

        // ---- Backoff: connecting failed; the retry timer is armed.
        new(Phase.Backoff, SessionEvent.Changed, Always, Phase.Backoff, "wait for the retry timer"),
        new(Phase.Backoff, SessionEvent.DeadlinePassed, Show, Phase.Connecting, "the retry timer was lost: connect"),
        new(Phase.Backoff, SessionEvent.DeadlinePassed, Clear, Phase.Idle, "nothing"),
        new(Phase.Backoff, SessionEvent.RetryDue, Show, Phase.Connecting, "connect, resuming if a session exists"),
        new(Phase.Backoff, SessionEvent.RetryDue, Clear, Phase.Idle, "nothing"),
        .. Ignored(Phase.Backoff, "no connection to hear from",
            SessionEvent.GatewayUrl, SessionEvent.ConnectFailed, SessionEvent.Hello, SessionEvent.ReadyOrResumed, SessionEvent.Heard,
            SessionEvent.Reconnect, SessionEvent.InvalidSession, SessionEvent.ReidentifyDue, SessionEvent.HeartbeatDue,
            SessionEvent.Closed, SessionEvent.SendBroken, SessionEvent.ClosedTooMany, SessionEvent.ClosedForGood, SessionEvent.IdleCloseDue),
    ];

    /// <summary>The rows for one phase and one event.</summary>
    public static IEnumerable<Transition> For(Phase from, SessionEvent on) => Rows.Where(r => r.From == from && r.On == on);

    /// <summary>Identifying and Resuming wait for READY or RESUMED alike.</summary>
    private static IEnumerable<Transition> Waiting(Phase phase) =>
    [
        new(phase, SessionEvent.Changed, Always, phase, "wait (a lookup's call arms a wake 2 s ahead, as in Connecting)"),
        .. Overdue(phase),
        new(phase, SessionEvent.ReadyOrResumed, Show, Phase.Ready, "keep the session id and resume URL (READY), send the presence"),
        new(phase, SessionEvent.ReadyOrResumed, Clear, Phase.Ready, "arm the idle close"),
        new(phase, SessionEvent.Heard, Always, phase, "record; answer op 1 with a beat"),
        new(phase, SessionEvent.Hello, "a session to resume", Phase.Resuming, "as in Connecting"),
        new(phase, SessionEvent.Hello, "no session", Phase.Identifying, "as in Connecting"),
        new(phase, SessionEvent.Reconnect, Always, phase, "close resumably; the close decides"),
        new(phase, SessionEvent.InvalidSession, Always, Phase.Identifying, "forget the session, arm the re-identify timer"),
        new(phase, SessionEvent.HeartbeatDue, Always, phase, "beat, or close a zombie resumably"),
        .. Ignored(phase, "not waiting for these", SessionEvent.GatewayUrl, SessionEvent.ConnectFailed, SessionEvent.RetryDue, SessionEvent.IdleCloseDue),
        .. AfterClose(phase, reachedReady: false),
    ];

    /// <summary>
    /// What a close does (docs/discord-gateway.md, 'Close codes'): a connection that had reached Ready reconnects at
    /// once; one that had not backs off, ever longer; 4015 waits long; a rejected token stops.
    /// </summary>
    private static IEnumerable<Transition> AfterClose(Phase phase, bool reachedReady) =>
    [
        new(phase, SessionEvent.SendBroken, Always, phase, "close resumably (nothing more goes out on it); the close decides"),
        reachedReady
            ? new(phase, SessionEvent.Closed, Show, Phase.Connecting, "reconnect at once, resuming when the code allows")
            : new(phase, SessionEvent.Closed, Show, Phase.Backoff, "arm the retry timer (the delay grows with each attempt)"),
        new(phase, SessionEvent.Closed, Clear, Phase.Idle, "stay offline; keep a resumable session for the next track"),
        new(phase, SessionEvent.ClosedTooMany, Show, Phase.Backoff, "identify again after a long wait"),
        new(phase, SessionEvent.ClosedTooMany, Clear, Phase.Idle, "stay offline"),
        new(phase, SessionEvent.ClosedForGood, Always, Phase.Idle, "record the rejected token, log the remedy once, no more traffic"),
    ];

    /// <summary>A phase that waits for one answer, past its deadline: the answer is taken as lost.</summary>
    private static IEnumerable<Transition> Overdue(Phase phase) =>
    [
        new(phase, SessionEvent.DeadlinePassed, Show, Phase.Connecting, "close the old generation, open the next"),
        new(phase, SessionEvent.DeadlinePassed, Clear, Phase.Idle, "close the old generation"),
    ];

    private static IEnumerable<Transition> Ignored(Phase phase, string why, params SessionEvent[] events) =>
        events.Select(e => new Transition(phase, e, why, phase, "nothing"));
}
