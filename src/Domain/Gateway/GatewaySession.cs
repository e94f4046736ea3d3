using System.Diagnostics;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>
/// A user's Discord gateway session as a pure state machine, following the rules in docs/discord-gateway.md; what it does
/// differently from the Go plugin is in docs/go-plugin-weaknesses.md, 'The gateway session'.
/// Every input moves the session towards one goal: a Ready connection showing the desired presence while there
/// is something to show, and no connection after an idle grace period when there is not.
/// Invariants:
/// - anything from an older connection generation is ignored (a stale heartbeat schedule cancels itself);
/// - a heartbeat carries the last sequence number received, or null;
/// - no identify while a resumable session exists; a rejected token gets no traffic at all;
/// - every waiting phase has a deadline that every full decision checks, so no lost timer or answer wedges a user;
/// - presence updates stay within <see cref="SentPresence.Budget"/> per window; the newest desired presence is
///   always sent, at the latest by a flush timer when the window allows.
/// The parts live in sibling files: connecting and closing, frames, timers, presence sending, liveness. The state
/// machine they make, phase by phase and event by event, is one table: SessionTable.cs (a test holds the two together).
/// </summary>
public static partial class GatewaySession
{
    /// <summary>Decides what one input means for the user's gateway session.</summary>
    public static Step Decide(Input input, UserState state, GatewayContext ctx)
    {
        if (state.Token.RejectedFingerprint == ctx.Account.TokenFingerprint) return WhileStopped(input, state, ctx);
        var step = Handle(input, state, ctx);
        // A claim's answer ends the decision its claim began: going on would claim again.
        if (input is Input.Claimed) return step;
        step = RestartIfHeartbeatStopped(RecoverIfOverdue(step, ctx), ctx);
        // A lookup's call never sends: the wake it armed does, once the lookups settled (GatewaySession.Settle.cs).
        return IsLookup(input) ? step : KeepShowingDesired(step, ctx.With(step.State.Session));
    }

    /// <summary>
    /// Whatever the input (but a lookup's), a ready connection ends the decision showing the desired presence: it can
    /// change without any report of this user's (art another user's lookup registered, a pause icon becoming known).
    /// </summary>
    private static Step KeepShowingDesired(Step step, GatewayContext ctx)
    {
        if (step.State.Session.Phase != Phase.Ready || step.Effects.Any(e => e is Effect.Close or Effect.Claim or Effect.Send { Frame: GatewayFrame.UpdatePresence }))
            return step;
        var send = SendPresence(step.State, ctx);
        return new Step(send.State, [.. step.Effects, .. send.Effects]);
    }

    private static Step Handle(Input input, UserState state, GatewayContext ctx)
    {
        return input switch
        {
            Input.FrameReceived f => OnFrame(f, state, ctx),
            Input.SocketClosed c => OnClosed(c.ConnectionId, c.Code, c.Reason, state, ctx),
            Input.SocketFailed f => OnClosed(f.ConnectionId, AbnormalClosure, f.Error, state, ctx),
            Input.ConnectFailed c => OnConnectFailed(c, state, ctx),
            Input.SendFailed s => OnSendFailed(s, state, ctx),
            Input.TimerFired t => OnTimer(t, state, ctx),
            Input.HttpAnswered h => OnHttpAnswered(h, state, ctx),
            Input.Claimed c => OnClaimed(c, state, ctx),
            Input.PlaybackReported or Input.NowPlayingReported => Converge(state, ctx),
            Input.ArtworkAnswered or Input.SubsonicAnswered or Input.SubsonicCallAnswered => Settle(state, ctx),
            _ => throw new UnreachableException(input.GetType().Name),
        };
    }

    /// <summary>WebSocket's code for a connection lost without a close frame.</summary>
    public const int AbnormalClosure = 1006;

    /// <summary>
    /// After Discord rejected this token: no traffic. A connection still open (the rejection came from image
    /// registration's 401) is closed for good; old heartbeat schedules stop themselves.
    /// </summary>
    private static Step WhileStopped(Input input, UserState state, GatewayContext ctx)
    {
        if (state.Session.Phase is not (Phase.Idle or Phase.Backoff))
        {
            var closed = state with { Session = state.Session.WithoutSession().In(Phase.Idle) };
            return new Step(closed, [
                .. CancelRecurring(state.Session.Generation, ctx.User),
                new Effect.Close(ConnectionOf(state, ctx), CloseCodes.FinalClose, "token rejected"),
            ]);
        }
        return input is Input.TimerFired { ScheduleId: var id } && IsRecurring(id)
            ? new Step(state, [new Effect.CancelSchedule(id)])
            : new Step(state, []);
    }

    /// <summary>Moves towards the goal when nothing on the connection happened: a report, a wake-up, a flush.</summary>
    private static Step Converge(UserState state, GatewayContext ctx) => state.Session.Phase switch
    {
        Phase.Idle when !ctx.NothingToShow => ClaimConnection(state, ctx, []),
        Phase.Ready => SendPresence(state, ctx),
        _ => new Step(state, []),
    };

    private static bool IsCurrent(string connectionId, UserState state, out int generation) =>
        GatewayIds.TryParseConnection(connectionId, out _, out generation) && generation == state.Session.Generation;

    private static string ConnectionOf(UserState state, GatewayContext ctx) =>
        GatewayIds.Connection(ctx.User, state.Session.Generation);
}
