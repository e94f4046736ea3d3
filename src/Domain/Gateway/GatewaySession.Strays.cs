using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>
/// Connections the stored session does not know. The call that opens generation N writes the session first and then
/// connects; when that write is lost (a failed cache write, or a racing call's older session written over it), the
/// connection opens behind the stored session's back: every callback of it looks stale, nobody answers its Hello or
/// ever closes it (a leaked Discord connection), and the next opener's claim on the same generation is refused or
/// finds the id taken. Its own frames are the one place it shows up, so they close it (docs/discord-gateway.md,
/// 'Deadlines and lost timers').
/// </summary>
public static partial class GatewaySession
{
    /// <summary>True when <paramref name="connectionId"/> is one of ours of a generation the stored session has not reached.</summary>
    private static bool IsNewerThanStored(string connectionId, UserState state, out int generation) =>
        GatewayIds.TryParseConnection(connectionId, out _, out generation) && generation > state.Session.Generation;

    /// <summary>
    /// A frame on a connection newer than the stored session: close it for good (it was never told to identify or
    /// resume: nothing of a Discord session goes with it), after closing the stored generation's connection in case
    /// it is still open; take its generation, so the next opener claims one no lock holds, and open that one now when
    /// there is something to show.
    /// </summary>
    private static Step CloseStrayConnection(string connectionId, int generation, UserState state, GatewayContext ctx)
    {
        List<Effect> effects = [new Effect.Log(LogLevel.Warn,
            $"user '{ctx.User}': gateway connection '{connectionId}' is newer than the stored session (its opening was not stored); closing it")];
        if (state.Session.Phase is not (Phase.Idle or Phase.Backoff)) state = Abandon(state, ctx, effects);
        effects.Add(new Effect.Close(connectionId, CloseCodes.FinalClose, "unknown connection"));
        var adopted = state with { Session = state.Session.In(Phase.Idle) with { Generation = generation } };
        return ctx.NothingToShow ? new Step(adopted, [.. effects]) : ClaimConnection(adopted, ctx, effects);
    }
}
