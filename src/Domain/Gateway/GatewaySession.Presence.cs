using Navidrome.DiscordPresence.Domain.Presence;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>Sending the desired presence on a ready connection: de-duplicated, rate-limited, coalesced (see
/// docs/discord-gateway.md, 'Rate limits').</summary>
public static partial class GatewaySession
{
    /// <summary>
    /// Sends the desired presence if it is wanted (<see cref="IsWanted"/>): first it claims a presence slot, and the
    /// answer sends it (GatewaySession.Claims.cs). When the window is known to be full, a flush timer at the moment
    /// the window allows re-decides then, so a burst of changes ends with the newest presence, sent once.
    /// </summary>
    private static Step SendPresence(UserState state, GatewayContext ctx)
    {
        if (!IsWanted(state, ctx)) return new Step(state, []);
        if (state.Sent.SentWithin(ctx.NowMs) >= SentPresence.Budget) return Flush(state, ctx, state.Sent.NextAllowedMs(ctx.NowMs));
        return ClaimSlot(state, ctx);
    }

    /// <summary>
    /// True when the desired presence should go out now: the connection is ready; it differs from the last presence
    /// shown on this connection; and it is composed from playback at least as new as what that presence was composed
    /// from. A call reads playback, then what was sent: when a report landed in between, the call holds old playback
    /// while the reporting call already showed the new one, and sending would put the previous track back.
    /// </summary>
    private static bool IsWanted(UserState state, GatewayContext ctx)
    {
        if (state.Session.Phase != Phase.Ready || state.PlaybackAsOfMs < state.Sent.FromMs) return false;
        var shownHere = state.Sent.Generation == state.Session.Generation;
        return !shownHere || PresenceDiff.Differs(state.Sent.LastSent, ctx.Desired);
    }

    /// <summary>Re-decides at <paramref name="atMs"/> (at least a second from now), when the window allows a send.</summary>
    private static Step Flush(UserState state, GatewayContext ctx, long atMs)
    {
        var flush = GatewayIds.Schedule(TimerKind.Flush, atMs, ctx.User);
        var delay = (int)Math.Ceiling((atMs - ctx.NowMs) / 1000.0);
        return new Step(state, [new Effect.ScheduleOnce(flush, Math.Max(1, delay), flush)]);
    }

    /// <summary>Sends the desired presence, now that a slot allows it; <paramref name="nextSlot"/> is the slot to try first next time.</summary>
    private static Step Send(UserState state, GatewayContext ctx, int nextSlot)
    {
        var desired = ctx.Desired;
        List<Effect> effects = [new Effect.Send(ConnectionOf(state, ctx), new GatewayFrame.UpdatePresence(desired))];
        // Standing down for another player keeps the connection: it must hear when that player's activity ends.
        if (ctx.NothingToShow)
        {
            var idle = GatewayIds.Schedule(TimerKind.IdleClose, ctx.NowMs, ctx.User);
            effects.Add(new Effect.ScheduleOnce(idle, IdleGraceSeconds, idle));
        }
        var sent = state.Sent.Record(desired, state.Session.Generation, ctx.NowMs, state.PlaybackAsOfMs) with { NextSlot = nextSlot };
        return new Step(state with { Sent = sent }, [.. effects]);
    }
}
