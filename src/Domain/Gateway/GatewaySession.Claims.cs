using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>
/// Locks across concurrent calls. Navidrome runs calls at the same time and its stores have no transactions; the one
/// test-and-set it offers is an id: a schedule id that exists is refused (docs/navidrome-host.md, 'What runs
/// concurrently'). So a call that must be alone first claims a one-time schedule (<see cref="Effect.Claim"/>), and
/// the answer (<see cref="Input.Claimed"/>) decides:
/// - opening connection generation N claims <c>connect:N:user</c>; only the winner writes the session and connects,
///   the loser leaves the generation to it (two overlapping dials under one id would both succeed in Navidrome);
/// - each presence update claims one of <see cref="SentPresence.Budget"/> slots <c>slot:k:user</c> for
///   <see cref="SentPresence.SlotSeconds"/>; when all are taken a flush timer tries again, so at most Budget updates
///   go out per window however many calls race.
/// When the scheduler fails for another reason, the call waits and tries again: it never acts without the lock.
/// </summary>
public static partial class GatewaySession
{
    /// <summary>
    /// How long the lock on a connection generation lives: longer than a call may run (Navidrome stops a call after
    /// 30 s), so a call that read the session before the winner wrote it cannot claim after the lock ended.
    /// </summary>
    public const int ConnectClaimSeconds = 31;

    /// <summary>Claims the next connection generation; the answer opens it (<see cref="OnConnectClaimed"/>).</summary>
    private static Step ClaimConnection(UserState state, GatewayContext ctx, IEnumerable<Effect> before)
    {
        var id = GatewayIds.Schedule(TimerKind.ConnectClaim, state.Session.Generation + 1, ctx.User);
        return new Step(state, [.. before, new Effect.Claim([id], ConnectClaimSeconds)]);
    }

    /// <summary>Claims a presence slot, the one this user took longest ago first; the answer sends (<see cref="OnSlotClaimed"/>).</summary>
    private static Step ClaimSlot(UserState state, GatewayContext ctx)
    {
        var first = state.Sent.FirstSlot;
        var slots = Enumerable.Range(0, SentPresence.Budget)
            .Select(i => GatewayIds.Schedule(TimerKind.PresenceSlot, (first + i) % SentPresence.Budget, ctx.User));
        return new Step(state, [new Effect.Claim([.. slots], SentPresence.SlotSeconds)]);
    }

    private static Step OnClaimed(Input.Claimed claimed, UserState state, GatewayContext ctx)
    {
        if (!GatewayIds.TryParseSchedule(claimed.ScheduleId, out var kind, out var number, out _)) return new Step(state, []);
        return kind switch
        {
            TimerKind.ConnectClaim => OnConnectClaimed(number, claimed.Result, state, ctx),
            TimerKind.PresenceSlot => OnSlotClaimed(claimed.ScheduleId, number, claimed.Result, state, ctx),
            _ => new Step(state, []),
        };
    }

    /// <summary>
    /// The lock on the next generation was won: open it (after abandoning an overdue wait). Taken: another call
    /// opens it. The scheduler failed: connecting unlocked could open a second connection, so back off and try
    /// again (the retry claims again; Backoff's deadline covers a retry timer the failing scheduler lost too).
    /// </summary>
    private static Step OnConnectClaimed(long generation, ClaimResult result, UserState state, GatewayContext ctx)
    {
        if (result == ClaimResult.Taken || generation != state.Session.Generation + 1) return new Step(state, []);
        List<Effect> effects = [];
        if (state.Session.IsOverdue(ctx.NowMs)) state = Abandon(state, ctx, effects);
        // A retry timer is named by when it is due, so backing off again from the retry's own callback arms a new one.
        if (result == ClaimResult.Failed)
            return Retry(state with { Session = state.Session with { Attempt = state.Session.Attempt + 1 } }, ctx, effects);
        var start = StartConnection(state, ctx);
        return new Step(start.State, [.. effects, .. start.Effects]);
    }

    /// <summary>
    /// A slot was won: send, unless the presence is no longer wanted (then the slot is given back). No slot (all
    /// taken, or the scheduler failed): flush when the window should allow, and not before <see cref="ClaimRetryMs"/>
    /// (this call's count missed other calls' sends). A failed scheduler does not fall back to the count: racing
    /// calls would each trust their own (chaos runs showed 6 to 8 updates in 20 s that way), and a flush the failing
    /// scheduler refuses too is replaced by a recheck (<see cref="OnScheduleFailed"/>).
    /// </summary>
    private static Step OnSlotClaimed(string slotId, long slot, ClaimResult result, UserState state, GatewayContext ctx)
    {
        var wanted = IsWanted(state, ctx);
        return result switch
        {
            ClaimResult.Won when !wanted => new Step(state, [new Effect.CancelSchedule(slotId)]),
            ClaimResult.Won => Send(state, ctx, nextSlot: (int)((slot + 1) % SentPresence.Budget)),
            _ when !wanted => new Step(state, []),
            _ => Flush(state, ctx, Math.Max(state.Sent.NextAllowedMs(ctx.NowMs), ctx.NowMs + ClaimRetryMs)),
        };
    }

    /// <summary>
    /// When no slot could be had although this call counted fewer sends: retry after this long. Some slot frees
    /// within <see cref="SentPresence.SlotSeconds"/>; a quarter of that is when one would if the sends were spread.
    /// </summary>
    public const long ClaimRetryMs = SentPresence.SlotSeconds * 1000L / SentPresence.Budget;
}
