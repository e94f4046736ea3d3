using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>Timers: retries, idle close, flush, wake-ups; heartbeats and zombie detection are in GatewaySession.Heard.cs.</summary>
public static partial class GatewaySession
{
    /// <summary>How long a connection stays open after the presence cleared, so the next track needs no new identify
    /// (see docs/go-plugin-weaknesses.md, 'A new session for every listening session').</summary>
    public const int IdleGraceSeconds = 300;

    /// <summary>
    /// A one-time timer of <paramref name="kind"/> due at <paramref name="atMs"/>, whose id names that moment, armed
    /// from <paramref name="nowMs"/> in whole seconds rounded up (the scheduler takes seconds).
    /// </summary>
    public static Effect.ScheduleOnce TimerAt(TimerKind kind, long atMs, string user, long nowMs)
    {
        var id = GatewayIds.Schedule(kind, atMs, user);
        return new Effect.ScheduleOnce(id, (int)Math.Ceiling((atMs - nowMs) / 1000.0), id);
    }

    private static Step OnTimer(Input.TimerFired timer, UserState state, GatewayContext ctx)
    {
        if (!GatewayIds.TryParseSchedule(timer.ScheduleId, out var kind, out var number, out _)) return new Step(state, []);
        return kind switch
        {
            TimerKind.FirstBeat or TimerKind.Heartbeat => OnBeatTimer(timer.ScheduleId, kind, number, ctx.User, state, ctx.NowMs),
            TimerKind.Refresh when !IsLive(number, state) => new Step(state, [new Effect.CancelSchedule(timer.ScheduleId)]),
            TimerKind.Refresh => Converge(state, ctx),
            TimerKind.Retry => OnRetry(number, state, ctx),
            TimerKind.IdleClose => OnIdleClose(state, ctx),
            TimerKind.Reidentify => OnReidentify(number, state, ctx),
            // Decided without reading anything before they get here (InputNeeds.ClaimEnded): a lock's end does nothing.
            TimerKind.ConnectClaim or TimerKind.PresenceSlot => new Step(state, []),
            TimerKind.Flush or TimerKind.Wake => Converge(state, ctx),
            TimerKind.Artwork or TimerKind.Links or TimerKind.SongInfo => Settle(state, ctx),
            TimerKind.Recheck => OnRecheck(state, ctx),
            _ => throw new System.Diagnostics.UnreachableException(kind.ToString()),
        };
    }

    /// <summary>
    /// A recheck in place of a refused timer, whatever it was: the full decision has checked the deadline (retry,
    /// re-identify) and the art and link lookups re-arm themselves; what is left is to converge (flush, wake) or to
    /// close an idle connection (idle close), which converging never does.
    /// </summary>
    private static Step OnRecheck(UserState state, GatewayContext ctx)
    {
        var idle = OnIdleClose(state, ctx);
        return idle.Effects.Count > 0 ? idle : Converge(state, ctx);
    }

    /// <summary>The idle grace ended: close the connection for good if the presence stayed clear all along.</summary>
    private static Step OnIdleClose(UserState state, GatewayContext ctx)
    {
        var lastSend = state.Sent.RecentMs.Count == 0 ? 0 : state.Sent.RecentMs.Items.Max();
        var idleLongEnough = ctx.NowMs - lastSend >= (IdleGraceSeconds - 1) * 1000L;
        if (state.Session.Phase != Phase.Ready || !ctx.NothingToShow || state.Sent.LastSent is not { IsClear: true } || !idleLongEnough)
            return new Step(state, []);
        return new Step(state, [new Effect.Close(ConnectionOf(state, ctx), CloseCodes.FinalClose, "idle")]);
    }
}
