using Navidrome.DiscordPresence.Domain.Presence;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>Sending the desired presence on a ready connection: de-duplicated, rate-limited, coalesced (see
/// docs/discord-gateway.md, 'Rate limits').</summary>
public static partial class GatewaySession
{
    /// <summary>
    /// Sends the desired presence if it differs from the last one sent on this connection (or when forced after
    /// READY/RESUMED; a force held back by the rate limit still applies at the flush, because nothing was sent on
    /// this connection yet).
    /// When the window is full, a flush timer at the moment the window allows re-decides then, so a burst of
    /// changes ends with the newest presence, sent once.
    /// </summary>
    private static Step SendPresence(UserState state, GatewayContext ctx, bool force)
    {
        var desired = ctx.Desired;
        var shownHere = state.Sent.Generation == state.Session.Generation;
        if (!force && shownHere && !PresenceDiff.Differs(state.Sent.LastSent, desired)) return new Step(state, []);

        if (state.Sent.SentWithin(ctx.NowMs) >= SentPresence.Budget)
        {
            var at = state.Sent.NextAllowedMs(ctx.NowMs);
            var flush = GatewayIds.Schedule(TimerKind.Flush, at, ctx.User);
            var delay = (int)Math.Ceiling((at - ctx.NowMs) / 1000.0);
            return new Step(state, [new Effect.ScheduleOnce(flush, Math.Max(1, delay), flush)]);
        }

        List<Effect> effects = [new Effect.Send(ConnectionOf(state, ctx), new GatewayFrame.UpdatePresence(desired))];
        // Standing down for another player keeps the connection: it must hear when that player's activity ends.
        if (ctx.NothingToShow)
        {
            var idle = GatewayIds.Schedule(TimerKind.IdleClose, ctx.NowMs, ctx.User);
            effects.Add(new Effect.ScheduleOnce(idle, IdleGraceSeconds, idle));
        }
        return new Step(state with { Sent = state.Sent.Record(desired, state.Session.Generation, ctx.NowMs) }, [.. effects]);
    }
}
