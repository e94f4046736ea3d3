using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>Opening connections, and what follows a close, an error or a failed connect (see docs/discord-gateway.md,
/// 'Connecting and version pinning' and 'Close codes').</summary>
public static partial class GatewaySession
{
    /// <summary>Discord's documented gateway, used when the REST lookup fails.</summary>
    public const string DefaultGatewayUrl = "wss://gateway.discord.gg";

    /// <summary>The REST route that names the gateway (versioned: the unversioned route is the deprecated v6).</summary>
    public const string GatewayLookupUrl = "https://discord.com/api/v10/gateway";

    /// <summary>Pinned protocol version and encoding, for new and resumed connections alike.</summary>
    public const string GatewayQuery = "?v=10&encoding=json";

    /// <summary>Timeout of the gateway URL lookup: short, because a playback call waits for it.</summary>
    public const int LookupTimeoutMs = 5_000;

    /// <summary>Opens the next connection generation, resuming the session when one exists (to the resume URL), else to
    /// the (looked-up) gateway URL. Every opener resumes when it can: a close that must not resume forgets the session first.</summary>
    private static Step StartConnection(UserState state, GatewayContext ctx)
    {
        var session = state.Session.In(Phase.Connecting, ctx.NowMs + PhaseDeadlines.AnswerMs) with
        {
            Generation = state.Session.Generation + 1,
            // The new connection resumes from what the last one heard.
            Sequence = LastSequence(state),
            HeartbeatIntervalMs = 0,
            LastServerBeatMs = 0,
        };
        if (!session.CanResume) session = session.WithoutSession();
        var next = state with { Session = session };

        var url = session.CanResume ? session.ResumeUrl ?? state.GatewayUrl : state.GatewayUrl;
        if (url is null)
        {
            var lookup = new HttpRequestSpec("GET", GatewayLookupUrl, [], null, LookupTimeoutMs, FollowRedirects: true);
            return new Step(next, [new Effect.Http(HttpTags.Make(HttpTags.GatewayUrl, session.Generation, ctx.User), lookup)]);
        }
        return new Step(next, [Connect(next, ctx, url)]);
    }

    private static Effect Connect(UserState state, GatewayContext ctx, string baseUrl) =>
        new Effect.Connect(ConnectionOf(state, ctx), baseUrl.TrimEnd('/') + "/" + GatewayQuery);

    /// <summary>The gateway URL lookup answered: remember the URL for everyone, then connect.</summary>
    private static Step OnHttpAnswered(Input.HttpAnswered answer, UserState state, GatewayContext ctx)
    {
        if (!HttpTags.TryParse(answer.Tag, out var purpose, out var generation, out _)) return new Step(state, []);
        // Other answers belong to the lookups (art, link), which may have just stored a result: let them settle.
        if (purpose != HttpTags.GatewayUrl) return Settle(state, ctx);
        if (generation != state.Session.Generation
            || state.Session.Phase != Phase.Connecting)
            return new Step(state, []);

        if (GatewayUrlAnswer.TryRead(answer.Outcome, out var url))
        {
            var next = state with { GatewayUrl = url };
            return new Step(next, [Connect(next, ctx, url)]);
        }
        var log = new Effect.Log(LogLevel.Warn, $"user '{ctx.User}': could not look up Discord's gateway URL ({GatewayUrlAnswer.Describe(answer.Outcome)}); using {DefaultGatewayUrl}");
        return new Step(state, [log, Connect(state, ctx, DefaultGatewayUrl)]);
    }

    /// <summary>The host could not open the connection: back off, and look the gateway URL up again next time.</summary>
    private static Step OnConnectFailed(Input.ConnectFailed failed, UserState state, GatewayContext ctx)
    {
        if (!IsCurrent(failed.ConnectionId, state, out _) || state.Session.Phase != Phase.Connecting) return new Step(state, []);
        // Another call computed the same generation and won the id: that call owns the connection now.
        if (failed.Failure is HostFailure.AlreadyExists) return new Step(state, []);

        // Keep the session: the next attempt resumes it through the main gateway, in case the resume host is the problem.
        // Each failed connect is one more attempt, so an unreachable gateway is retried ever less often
        // (see docs/go-plugin-weaknesses.md, 'Reconnect storms and an unpinned gateway').
        var session = state.Session with { ResumeUrl = null, Attempt = state.Session.Attempt + 1 };
        var log = new Effect.Log(LogLevel.Warn, $"user '{ctx.User}': could not connect to Discord's gateway: {failed.Failure.Text}");
        return Retry(state with { Session = session, GatewayUrl = null }, ctx, [log]);
    }

    /// <summary>
    /// A send failed. Not found: the host removed the connection, which it does only with a close callback, before
    /// (a plugin close) or after it ran (a peer close; docs/navidrome-host.md, 'How WebSocket closes arrive'). That
    /// callback decides the close; deciding it here as well raced it: a call that had read the session before the
    /// callback moved it on to the next connection wrote its older view back over the newer one, and that connection's
    /// Hello found a session that did not expect it. A callback whose decision was lost leaves the connection's
    /// heartbeat armed, and the zombie close it leads to finds the connection gone and decides the close then.
    /// Any other failure is a broken connection: Navidrome writes with gorilla/websocket, which keeps a connection's
    /// first write error and fails every later write with it (plugins/host_websocket.go, SendText), so nothing more
    /// goes out on it, heartbeats included. Close it resumably, as a zombie is closed: the close handler resumes on a
    /// new connection, where the presence this send carried is wanted again (what went out on an older connection does
    /// not count as shown), within the presence slots like any update.
    /// </summary>
    private static Step OnSendFailed(Input.SendFailed failed, UserState state, GatewayContext ctx) => failed.Failure switch
    {
        HostFailure.NotFound => new Step(state, [new Effect.Log(LogLevel.Debug, $"user '{ctx.User}': a gateway send found the connection closed; its close callback decides")]),
        var broken when IsCurrent(failed.ConnectionId, state, out _) && state.Session.Phase is not (Phase.Idle or Phase.Backoff) => new Step(state, [
            new Effect.Log(LogLevel.Warn, $"user '{ctx.User}': a gateway send failed ({broken.Text}); reconnecting"),
            new Effect.Close(failed.ConnectionId, CloseCodes.ResumableClose, "send failed"),
        ]),
        var other => new Step(state, [new Effect.Log(LogLevel.Debug, $"user '{ctx.User}': a send on an old gateway connection failed: {other.Text}")]),
    };

    /// <summary>The connection ended (on_close, on_error, or a lost connection): resume, identify, back off or stop.</summary>
    private static Step OnClosed(string connectionId, int code, string reason, UserState state, GatewayContext ctx)
    {
        if (!IsCurrent(connectionId, state, out var generation) || state.Session.Phase is Phase.Idle or Phase.Backoff)
            return new Step(state, []);

        List<Effect> effects = [.. CancelRecurring(generation, ctx.User)];
        var reachedReady = state.Session.Phase == Phase.Ready;
        var session = state.Session with { Attempt = reachedReady ? 0 : state.Session.Attempt + 1 };
        var action = CloseCodes.Classify(code);

        if (action == AfterClose.Stop)
        {
            effects.Add(new Effect.Log(LogLevel.Error, $"user '{ctx.User}': presence stopped: {CloseCodes.Remedy(code)}"));
            var stopped = state with
            {
                Session = session.WithoutSession().In(Phase.Idle) with { Attempt = 0 },
                Token = new TokenVerdict(ctx.Account.TokenFingerprint),
            };
            return new Step(stopped, [.. effects]);
        }

        effects.Add(new Effect.Log(LogLevel.Info, $"user '{ctx.User}': gateway connection closed ({code} {Shorten(reason)})"));
        if (action != AfterClose.Resume) session = session.WithoutSession();
        var closed = state with { Session = session.In(Phase.Idle) };

        // Nothing to show: stay offline, but keep a resumable session, so playing again soon resumes it
        // instead of starting a second session (see docs/go-plugin-weaknesses.md, 'A new session for every listening session');
        // if it has expired by then, Discord answers op 9.
        if (ctx.NothingToShow) return new Step(closed, [.. effects]);
        if (action == AfterClose.IdentifyLater)
            return Wait(closed, ctx, Backoff.TooManySessionsSeconds(ctx.Now.Jitter), effects);
        // (Closed without a resumable session, the session was forgotten above: the connection identifies.)
        if (session.Attempt == 0) return ClaimConnection(closed, ctx, effects);
        return Retry(closed, ctx, effects);
    }

    /// <summary>Arms the retry timer for the session's next attempt.</summary>
    private static Step Retry(UserState state, GatewayContext ctx, List<Effect> effects)
    {
        var attempt = Math.Max(1, state.Session.Attempt);
        var waiting = state with { Session = state.Session with { Attempt = attempt } };
        return Wait(waiting, ctx, Backoff.DelaySeconds(attempt, ctx.Now.Jitter), effects);
    }

    /// <summary>
    /// Waits <paramref name="delaySeconds"/> in Backoff. The retry timer is named by when it is due, not by the
    /// generation: a retry whose claim the failing scheduler refused backs off again from inside the retry timer's own
    /// callback, where Navidrome still holds that timer's id and would refuse it as existing (then delete it when the
    /// callback returns), so a retry named like the one firing would be lost without a word.
    /// </summary>
    private static Step Wait(UserState state, GatewayContext ctx, int delaySeconds, List<Effect> effects)
    {
        var dueMs = ctx.NowMs + delaySeconds * 1000L;
        var retry = GatewayIds.Schedule(TimerKind.Retry, dueMs, ctx.User);
        effects.Add(new Effect.ScheduleOnce(retry, delaySeconds, retry));
        return new Step(state with { Session = state.Session.In(Phase.Backoff, dueMs + PhaseDeadlines.RetryGraceMs) }, [.. effects]);
    }

    /// <summary>The retry timer due at <paramref name="dueMs"/> fired: connect again if this is the wait's own timer and there is still something to show.</summary>
    private static Step OnRetry(long dueMs, UserState state, GatewayContext ctx)
    {
        if (state.Session.Phase != Phase.Backoff || dueMs + PhaseDeadlines.RetryGraceMs != state.Session.DeadlineMs) return new Step(state, []);
        if (ctx.NothingToShow) return new Step(state with { Session = state.Session.In(Phase.Idle) }, []);
        return ClaimConnection(state, ctx, []);
    }

    private static string Shorten(string reason) => reason.Length <= 120 ? reason : reason[..120] + "…";
}
