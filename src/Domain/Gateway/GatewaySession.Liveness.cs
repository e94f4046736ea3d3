using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>
/// Liveness by construction: a waiting phase left only through one timer or one answer would wedge the user if that
/// timer were lost or the answer dropped. So every waiting phase carries a deadline (<see cref="PhaseDeadlines"/>)
/// that every full decision checks, and a timer the host refused to arm comes back as an input that arms a
/// replacement (see docs/discord-gateway.md, 'Deadlines and lost timers').
/// </summary>
public static partial class GatewaySession
{
    /// <summary>
    /// After a full decision: if the session still waits past its deadline, the timer or answer it waited for is
    /// taken as lost. Start the next connection generation (resuming if the session allows), once this call holds its
    /// lock (GatewaySession.Claims.cs: every call that reads the overdue session would start over otherwise); the
    /// claim's answer starts over (<see cref="Abandon"/>, then connect). Nothing to show: just abandon the wait.
    /// </summary>
    private static Step RecoverIfOverdue(Step step, GatewayContext ctx)
    {
        var state = step.State;
        if (!state.Session.IsOverdue(ctx.NowMs)) return step;
        List<Effect> effects = [.. step.Effects, new Effect.Log(LogLevel.Warn,
            $"user '{ctx.User}': the gateway session waited in {state.Session.Phase} past its deadline (a lost timer or answer); starting over")];
        if (!ctx.NothingToShow) return ClaimConnection(state, ctx, effects);
        return new Step(Abandon(state, ctx, effects), [.. effects]);
    }

    /// <summary>
    /// Gives up an overdue wait: a connection of the old generation that may still be open is closed first, so two
    /// never coexist (for good when nothing is to show, so Discord drops what it showed); the session is Idle, ready
    /// for the next generation.
    /// </summary>
    private static UserState Abandon(UserState state, GatewayContext ctx, List<Effect> effects)
    {
        var session = state.Session;
        if (session.Phase != Phase.Backoff)
        {
            // Written before this close runs (the core puts writes first), so its on_close finds a newer generation and is ignored.
            effects.AddRange(CancelRecurring(session.Generation, ctx.User));
            // With nothing to show, end the session for good: a resumable close leaves Discord holding the session, and
            // with it the last presence shown, which no later call would clear (chaos found a stopped track still shown).
            var final = ctx.NothingToShow;
            effects.Add(new Effect.Close(ConnectionOf(state, ctx), final ? CloseCodes.FinalClose : CloseCodes.ResumableClose, "no answer in time"));
            session = (final ? session.WithoutSession() : session) with { Attempt = session.Attempt + 1 };
        }
        return state with { Session = session.In(Phase.Idle) };
    }

    /// <summary>
    /// After a full decision: a live connection that has neither beaten nor heard an ACK for two heartbeat intervals
    /// (plus a grace) lost its heartbeat schedule (refused or lost; a recheck cannot re-arm it). Close it with a
    /// resumable code, as a zombie is closed: the close handler resumes on a new connection, which arms its own. With
    /// nothing to show, close it for good instead (as <see cref="Abandon"/> does): the connection still carries the
    /// session, and a resumable close would leave Discord showing its last presence for minutes, which no later call
    /// clears (chaos found an ended track still shown when the wake that should clear it found the heartbeat stopped).
    /// </summary>
    private static Step RestartIfHeartbeatStopped(Step step, GatewayContext ctx)
    {
        var state = step.State;
        var session = state.Session;
        if (session.Phase is not (Phase.Identifying or Phase.Resuming or Phase.Ready) || session.HeartbeatIntervalMs <= 0
            || step.Effects.Any(e => e is Effect.Close)) return step;
        var lastBeat = state.Beat.Generation == session.Generation ? state.Beat.LastBeatMs : 0;
        var lastSign = Math.Max(lastBeat, LastAckMs(state));
        // No sign at all (Hello's write of its time failed, say): nothing to judge by; the first beat writes one.
        if (lastSign == 0 || ctx.NowMs - lastSign <= 2L * session.HeartbeatIntervalMs + PhaseDeadlines.RetryGraceMs) return step;
        var final = ctx.NothingToShow;
        return new Step(state, [.. step.Effects,
            new Effect.Log(LogLevel.Warn, $"user '{ctx.User}': the connection's heartbeat stopped (a lost or refused timer); {(final ? "closing it" : "reconnecting")}"),
            new Effect.Close(ConnectionOf(state, ctx), final ? CloseCodes.FinalClose : CloseCodes.ResumableClose, "heartbeat stopped"),
        ]);
    }

    /// <summary>
    /// The earliest a recheck runs: a refused timer due at once (an art or link lookup) is retried by the recheck's
    /// own decision, so a scheduler that refuses only some ids costs one recheck per 5 s, never a busy loop.
    /// </summary>
    public const int MinRecheckSeconds = 5;

    /// <summary>
    /// The host refused to arm a timer. Already exists (which the interpreter does not even pass on): another call
    /// armed the same one, nothing is lost. Otherwise
    /// arm a <see cref="TimerKind.Recheck"/> in its place, at its time or at the session's deadline if later, so the
    /// full decision it brings finds the deadline passed: that covers every one-time timer (flush, wake, idle close,
    /// art and link lookups re-arm themselves, retry and re-identify through the deadline). A refused recheck is not
    /// replaced again (no loop against a failing scheduler); the next report or refresh checks the deadline.
    /// Decided from the session alone: cheap, and never arms anything else that could fail in turn.
    /// </summary>
    public static Step OnScheduleFailed(Input.ScheduleFailed failed, string user, UserState state, long nowMs)
    {
        if (failed.Failure is HostFailure.AlreadyExists) return new Step(state, []);
        var replaceable = GatewayIds.TryParseSchedule(failed.ScheduleId, out var kind, out _, out _) && kind != TimerKind.Recheck;
        if (!replaceable)
            return new Step(state, [new Effect.Log(LogLevel.Warn,
                $"user '{user}': could not arm timer '{failed.ScheduleId}' ({failed.Failure.Text}); the next report or refresh catches up")]);
        var dueMs = Math.Max(nowMs + Math.Max(failed.DelaySeconds, MinRecheckSeconds) * 1000L, state.Session.DeadlineMs ?? 0);
        var recheck = TimerAt(TimerKind.Recheck, dueMs, user, nowMs);
        return new Step(state, [
            new Effect.Log(LogLevel.Warn, $"user '{user}': could not arm timer '{failed.ScheduleId}' ({failed.Failure.Text}); re-checking under '{recheck.ScheduleId}'"),
            recheck,
        ]);
    }
}
