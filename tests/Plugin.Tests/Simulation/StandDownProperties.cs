using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Tests.Simulation;

/// <summary>
/// Standing down for other players (<c>yieldtootherapps</c>), over generated worlds in which the user's other Discord
/// sessions start and stop showing another player's Listening activity, while Navidrome reports, time passes and
/// Discord drops, closes, resumes and invalidates sessions.
/// </summary>
public class StandDownProperties
{
    private const int Runs = 1000;

    private static World Run(WorldEvent[] events)
    {
        var world = WorldGen.NewWorld();
        foreach (var ev in events) world.Apply(ev);
        return world;
    }

    [Property(MaxTest = Runs)]
    public Property Never_two_Listening_activities_shown_at_once_while_standing_down() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = Run(events);
            foreach (var d in world.Decisions)
            {
                if (d.Step.State.Session.OtherPlayer is null) continue;
                var shown = d.Step.Effects.OfType<Effect.Send>()
                    .Select(s => s.Frame switch { GatewayFrame.UpdatePresence p => p.Presence, GatewayFrame.Identify i => i.Presence, _ => null })
                    .FirstOrDefault(p => p is { IsClear: false });
                if (shown is not null)
                    return false.Label($"{d.User} stands down for {d.Step.State.Session.OtherPlayer} but {d.Input} sent {shown}");
            }
            return true.ToProperty();
        });

    [Property(MaxTest = Runs)]
    public Property Once_things_settle_ours_shows_exactly_when_no_other_player_does() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = Run(events);
            for (var u = 0; u < WorldGen.UserNames.Length; u++) world.Apply(new WorldEvent.WithholdAcks(u, false));
            world.AdvanceBy(200_000);
            world.AdvanceBy(200_000);
            foreach (var user in new[] { "alice", "bob" })
            {
                var state = world.StateOf(user);
                if (state.Token.RejectedFingerprint is not null || world.OpenConnectionOf(user) is not { } connection) continue;
                var other = world.OtherPlayerOf(user);
                if (state.Session.OtherPlayer != other)
                    return false.Label($"{user}: the core believes '{state.Session.OtherPlayer}' shows, Discord shows '{other}'");
                var ours = Core.Ours(state, world.Config, world.NowMs);
                var lastShown = world.SentFrames.LastOrDefault(f => f.ConnectionId == connection && f.Presence is not null)?.Presence;
                if (other is not null && lastShown is { IsClear: false })
                    return false.Label($"{user}: shows {lastShown} next to {other}");
                if (other is null && !ours.IsClear && (lastShown is null || Domain.Presence.PresenceDiff.Differs(lastShown, ours)))
                    return false.Label($"{user}: {other} ended but the connection shows {lastShown?.ToString() ?? "nothing"}, not {ours}");
            }
            return true.ToProperty();
        });
}
