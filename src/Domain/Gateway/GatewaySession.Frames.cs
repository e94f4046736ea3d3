using Navidrome.DiscordPresence.Domain.State;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>What each gateway frame does to the session (see docs/discord-gateway.md: heartbeats, identify, op 7 and op 9, resume).</summary>
public static partial class GatewaySession
{
    /// <summary>Heartbeat intervals outside this range are clamped, so a bad Hello can neither flood nor starve the connection.</summary>
    public const int MinHeartbeatMs = 5_000, MaxHeartbeatMs = 300_000;

    /// <summary>Server heartbeat requests answered at most once per this many ms (keeps us far from 120 sends per minute).</summary>
    public const long ServerBeatSpacingMs = 1_000;

    private static Step OnFrame(Input.FrameReceived received, UserState state, GatewayContext ctx)
    {
        if (IsNewerThanStored(received.ConnectionId, state, out var stray)) return CloseStrayConnection(received.ConnectionId, stray, state, ctx);
        if (!IsCurrent(received.ConnectionId, state, out _) || state.Session.Phase is Phase.Idle or Phase.Backoff)
            return received.Frame is InboundFrame.Hello ? CloseUnexpected(received.ConnectionId, state, ctx) : new Step(state, []);
        var session = state.Session;
        var connection = received.ConnectionId;
        return received.Frame switch
        {
            InboundFrame.Hello hello => OnHello(hello, state, ctx),
            InboundFrame.HeartbeatAck => RecordAck(connection, state, ctx.NowMs),
            InboundFrame.HeartbeatRequest when ctx.NowMs - session.LastServerBeatMs >= ServerBeatSpacingMs =>
                new Step(state with { Session = session with { LastServerBeatMs = ctx.NowMs } },
                    [new Effect.Send(connection, new GatewayFrame.Heartbeat(LastSequence(state)))]),
            InboundFrame.HeartbeatRequest => new Step(state, []),
            InboundFrame.Reconnect => new Step(state, [new Effect.Close(connection, CloseCodes.ResumableClose, "reconnect requested")]),
            InboundFrame.InvalidSession { Resumable: true } =>
                new Step(state, [new Effect.Close(connection, CloseCodes.ResumableClose, "invalid session, resuming")]),
            InboundFrame.InvalidSession => OnInvalidSession(state, ctx),
            InboundFrame.Dispatch dispatch => OnDispatch(dispatch, connection, state, ctx),
            InboundFrame.Unknown => new Step(state, []),
            InboundFrame.Malformed malformed => new Step(state,
                [new Effect.Log(LogLevel.Warn, $"user '{ctx.User}': ignored a gateway frame: {malformed.Problem}")]),
            _ => throw new System.Diagnostics.UnreachableException(received.Frame.GetType().Name),
        };
    }

    /// <summary>
    /// Hello on a connection of an older generation, or of the current one while the session is Idle or in Backoff:
    /// a dial that outlived the wait that asked for it (a newer one is a stray: GatewaySession.Strays.cs). Nothing
    /// would ever beat on it or identify, so it would stay open, silent, until Discord closed it for missing
    /// heartbeats, and hold its id meanwhile: close it for good at once (it never identified, so no Discord session
    /// ends with it). Its on_close finds it not current, or the session Idle.
    /// </summary>
    private static Step CloseUnexpected(string connectionId, UserState state, GatewayContext ctx) => new(state, [
        new Effect.Log(LogLevel.Info, $"user '{ctx.User}': closing a gateway connection the session no longer expects"),
        new Effect.Close(connectionId, CloseCodes.FinalClose, "not expected"),
    ]);

    /// <summary>Hello: start heartbeating (first beat jittered), then resume the session or identify.</summary>
    private static Step OnHello(InboundFrame.Hello hello, UserState state, GatewayContext ctx)
    {
        var interval = Math.Clamp(hello.HeartbeatIntervalMs, MinHeartbeatMs, MaxHeartbeatMs);
        var session = state.Session with { HeartbeatIntervalMs = interval };
        // Hello counts as the first ACK: the first beat's zombie check needs something to compare with.
        state = state with { Received = state.Received.For(session.Generation) with { LastAckMs = ctx.NowMs } };
        var firstBeat = GatewayIds.Schedule(TimerKind.FirstBeat, session.Generation, ctx.User);
        var connection = ConnectionOf(state, ctx);
        List<Effect> effects = [
            StoredState.AckWrite(ctx.User, session.Generation, ctx.NowMs),
            new Effect.ScheduleOnce(firstBeat, (int)(interval * ctx.Now.Jitter / 1000), firstBeat),
        ];

        if (session.CanResume)
        {
            effects.Add(new Effect.Send(connection, new GatewayFrame.Resume(ctx.User, session.SessionId!, LastSequence(state))));
            return new Step(state with { Session = session.In(Phase.Resuming, ctx.NowMs + PhaseDeadlines.AnswerMs) }, [.. effects]);
        }
        effects.Add(new Effect.Send(connection, new GatewayFrame.Identify(ctx.User, ctx.IdentifyPresence)));
        return new Step(state with
        {
            Session = session.In(Phase.Identifying, ctx.NowMs + PhaseDeadlines.AnswerMs),
            Sent = state.Sent.Record(ctx.IdentifyPresence, session.Generation, ctx.NowMs, state.PlaybackAsOfMs),
        }, [.. effects]);
    }

    /// <summary>op 9 not resumable: forget the session and identify again after 1–5 s (see docs/discord-gateway.md,
    /// 'Reconnect (op 7) and Invalid Session (op 9)').</summary>
    private static Step OnInvalidSession(UserState state, GatewayContext ctx)
    {
        // The deadline covers the wait before identifying and READY after it.
        var delaySeconds = 1 + (int)(4 * ctx.Now.Jitter);
        var session = state.Session.WithoutSession().In(Phase.Identifying, ctx.NowMs + delaySeconds * 1000L + PhaseDeadlines.AnswerMs);
        var reidentify = GatewayIds.Schedule(TimerKind.Reidentify, session.Generation, ctx.User);
        var forgotten = state.Received.For(session.Generation) with { Sequence = null };
        return new Step(state with { Session = session, Received = forgotten },
            [StoredState.SequenceWrite(ctx.User, session.Generation, null), new Effect.ScheduleOnce(reidentify, delaySeconds, reidentify)]);
    }

    /// <summary>The re-identify timer after op 9 fired.</summary>
    private static Step OnReidentify(long generation, UserState state, GatewayContext ctx)
    {
        if (generation != state.Session.Generation || state.Session.Phase != Phase.Identifying || state.Session.CanResume)
            return new Step(state, []);
        var identify = new Effect.Send(ConnectionOf(state, ctx), new GatewayFrame.Identify(ctx.User, ctx.IdentifyPresence));
        return new Step(state with { Sent = state.Sent.Record(ctx.IdentifyPresence, state.Session.Generation, ctx.NowMs, state.PlaybackAsOfMs) }, [identify]);
    }

    /// <summary>
    /// A dispatch: keep its sequence number; READY and RESUMED make the session ready and re-send the presence (READY
    /// also says what the user's other sessions show); SESSIONS_REPLACE updates what they show.
    /// </summary>
    private static Step OnDispatch(InboundFrame.Dispatch dispatch, string connection, UserState state, GatewayContext ctx)
    {
        if (dispatch is { Type: FrameReader.SessionsReplace, Listening: { } listening })
            return OnSessionsReplaced(connection, dispatch.Sequence, listening, state, ctx.NowMs);
        var recorded = RecordSequence(connection, dispatch.Sequence, state);
        if (!IsUsed(dispatch)) return recorded;
        state = recorded.State;
        var session = state.Session;
        if (dispatch.Type == "READY" && dispatch.Ready is { } ready)
            session = session with
            {
                SessionId = ready.SessionId,
                ResumeUrl = ready.ResumeGatewayUrl,
                OtherPlayer = dispatch.Listening?.OtherThan(ready.SessionId),
            };

        var ready_ = state with { Session = session.In(Phase.Ready) with { Attempt = 0 } };
        ctx = ctx.With(session);
        List<Effect> effects = [.. recorded.Effects, new Effect.Log(LogLevel.Info, $"user '{ctx.User}': Discord session {(dispatch.Type == "READY" ? "ready" : "resumed")}")];
        if (dispatch.Type == "READY" && session.OtherPlayer is { } other) effects.Add(StandDownNews(ctx.User, other));
        if (ctx.NothingToShow)
        {
            // Nothing to show (playback stopped while we connected): start the idle grace instead.
            var idle = GatewayIds.Schedule(TimerKind.IdleClose, ctx.NowMs, ctx.User);
            return new Step(ready_, [.. effects, new Effect.ScheduleOnce(idle, IdleGraceSeconds, idle)]);
        }
        // Sent even when identify carried the same presence: Discord may ignore a user account's identify presence
        // (see docs/discord-gateway.md, 'Identify'), and a resumed session may have lost what was sent before the drop. It costs one
        // of the four updates per 20 s once per connection. Forgetting what was sent makes it wanted, also when the
        // send waits for a slot's answer or a flush. Not when a new session stands down for another player from its
        // READY on: its identify was clear, and a new session shows nothing even if Discord ignored that.
        var standsDownFromStart = dispatch.Type == "READY" && ctx.Desired.IsClear;
        var send = SendPresence(standsDownFromStart ? ready_ : ready_ with { Sent = ready_.Sent with { LastSent = null } }, ctx);
        return new Step(send.State, [.. effects, .. send.Effects]);
    }
}
