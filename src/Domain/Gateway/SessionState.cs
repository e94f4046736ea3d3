namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>Where a user's gateway connection is in its life.</summary>
public enum Phase
{
    /// <summary>No connection, nothing pending.</summary>
    Idle,
    /// <summary>A connection of <see cref="SessionState.Generation"/> was asked for; waiting for Hello.</summary>
    Connecting,
    /// <summary>Identify sent (or due after op 9); waiting for READY.</summary>
    Identifying,
    /// <summary>Resume sent; waiting for RESUMED.</summary>
    Resuming,
    /// <summary>READY or RESUMED seen: presence updates go through.</summary>
    Ready,
    /// <summary>Connecting failed; a retry timer is armed.</summary>
    Backoff,
}

/// <summary>
/// The four phases that wait for one timer or one answer (Connecting, Identifying, Resuming, Backoff) carry a
/// deadline (<see cref="SessionState.DeadlineMs"/>); Idle and Ready carry none. Every full decision checks it, so a
/// lost timer or a dropped answer costs at most a deadline's wait and the next call, never a wedged user.
/// </summary>
public static class PhaseDeadlines
{
    /// <summary>
    /// Connecting, Identifying and Resuming: Hello, READY or RESUMED within a minute. The connecting call does the
    /// gateway URL lookup (5 s timeout) and the dial (30 s handshake timeout) and is stopped by Navidrome after 30 s
    /// in all; Discord sends Hello as its first frame, and READY or RESUMED within seconds of identify or resume,
    /// a large READY included. A minute is twice the longest of those waits (docs/navidrome-host.md, docs/discord-gateway.md).
    /// </summary>
    public const long AnswerMs = 60_000;

    /// <summary>
    /// Backoff: the retry time plus this grace. The scheduler fires on time, but its callback may wait for an
    /// instance; until the grace ends, a full call leaves the reconnect to the retry timer rather than race it for
    /// the next connection id.
    /// </summary>
    public const long RetryGraceMs = 10_000;

    /// <summary>True for the phases that wait for one timer or one answer.</summary>
    public static bool Waits(Phase phase) => phase is Phase.Connecting or Phase.Identifying or Phase.Resuming or Phase.Backoff;
}

/// <summary>
/// One user's gateway session. Written by the calls of the current connection (frames, close, error, which the
/// host runs one at a time per connection) and, only while no connection exists (Idle, Backoff), by the call that
/// opens the next one. <see cref="Generation"/> numbers connections; anything carrying an older generation is stale.
/// <see cref="Sequence"/> is the sequence number carried over from the previous connection (for a resume); what the
/// current connection hears (ACKs, newer sequence numbers) is in <see cref="Received"/>. <see cref="DeadlineMs"/>
/// is when a waiting phase counts as stuck (<see cref="PhaseDeadlines"/>); null in Idle and Ready.
/// <see cref="OtherPlayer"/> is the name of another player's Listening activity that one of the user's other Discord
/// sessions shows (null: none, or <c>yieldtootherapps</c> is off), as the current connection last heard it in READY
/// or SESSIONS_REPLACE; it belongs to the Discord session, so a resume keeps it and a new session forgets it.
/// </summary>
public sealed record SessionState(
    int Generation,
    Phase Phase,
    string? SessionId,
    string? ResumeUrl,
    long? Sequence,
    int HeartbeatIntervalMs,
    long LastServerBeatMs,
    int Attempt,
    long? DeadlineMs = null,
    string? OtherPlayer = null)
{
    /// <summary>Never connected.</summary>
    public static readonly SessionState Initial = new(0, Phase.Idle, null, null, null, 0, 0, 0);

    /// <summary>True when a session exists that Discord may still let us resume (at its resume URL, or failing that the main gateway).</summary>
    public bool CanResume => SessionId is not null;

    /// <summary>This session in <paramref name="phase"/>, waiting until <paramref name="deadlineMs"/> (null for Idle and Ready).</summary>
    public SessionState In(Phase phase, long? deadlineMs = null) => this with { Phase = phase, DeadlineMs = deadlineMs };

    /// <summary>True when the session waits in a phase whose deadline has passed.</summary>
    public bool IsOverdue(long nowMs) => PhaseDeadlines.Waits(Phase) && DeadlineMs is { } deadline && nowMs >= deadline;

    /// <summary>The session forgotten: the next connection identifies afresh.</summary>
    public SessionState WithoutSession() => this with { SessionId = null, ResumeUrl = null, Sequence = null, OtherPlayer = null };
}

/// <summary>
/// The heartbeat timer's own record: when it last beat, on which connection. Written only by heartbeat timers,
/// so it never races with the frames that record ACKs.
/// </summary>
public sealed record BeatState(int Generation, long LastBeatMs)
{
    /// <summary>No beat yet.</summary>
    public static readonly BeatState None = new(0, 0);
}

/// <summary>
/// The token Discord rejected for a user (4004, 4010–4014, or HTTP 401), as a fingerprint. Kept in the KV store so
/// the stop survives restarts; it ends when the configured token's fingerprint differs.
/// </summary>
public sealed record TokenVerdict(string? RejectedFingerprint)
{
    /// <summary>Nothing rejected.</summary>
    public static readonly TokenVerdict Accepted = new((string?)null);
}
