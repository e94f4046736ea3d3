using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Presence;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;
using Navidrome.DiscordPresence.Tests.Simulation;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Gateway;

/// <summary>
/// Scripted conversations for host calls that fail without any race: a send that breaks its connection, and state
/// writes the host loses however often they are tried. Each ends with the plugin recovering by itself.
/// </summary>
public class FailedHostCallTests
{
    private static readonly WorldEvent.Report Play = new(0, 0, ReportState.Playing, 0, 10, 1);

    private static PresenceUpdate? ShownBy(World world, string? connection) =>
        connection is null ? null : world.SentFrames.LastOrDefault(f => f.ConnectionId == connection && f.Presence is not null)?.Presence;

    [Fact]
    public void A_presence_whose_send_failed_is_sent_again_on_a_new_connection_at_once()
    {
        var world = WorldGen.NewWorld();
        world.Apply(Play);
        var broken = world.OpenConnectionOf("alice");
        world.AdvanceBy(30_000);
        world.Apply(new WorldEvent.BreakNextSend(0));

        var before = world.Decisions.Count;
        var next = Play with { Track = 1, PositionSeconds = 5 };
        world.Apply(next);
        Assert.Contains(world.EffectsSince(before, "alice"), e => e is Effect.Close { Code: CloseCodes.ResumableClose, Reason: "send failed" } c && c.ConnectionId == broken);
        var now = world.OpenConnectionOf("alice");
        Assert.NotEqual(broken, now);
        Assert.Equal(Phase.Ready, world.StateOf("alice").Session.Phase);
        Assert.False(PresenceDiff.Differs(ShownBy(world, now)!, Core.Desired(world.StateOf("alice"), world.Config, world.NowMs)));
        // Resumed, not identified afresh: the broken connection was closed resumably.
        Assert.Contains(world.SentFrames, f => f.ConnectionId == now && f.Frame is GatewayFrame.Resume);
    }

    [Fact]
    public void A_failed_heartbeat_closes_the_broken_connection_rather_than_waiting_for_the_zombie_check()
    {
        var world = WorldGen.NewWorld();
        world.Apply(Play);
        var broken = world.OpenConnectionOf("alice");
        world.Apply(new WorldEvent.BreakNextSend(0));
        world.AdvanceBy(World.HelloIntervalMs + 1_000);
        Assert.NotEqual(broken, world.OpenConnectionOf("alice"));
        Assert.Equal(Phase.Ready, world.StateOf("alice").Session.Phase);
        Assert.DoesNotContain(world.Decisions.SelectMany(d => d.Step.Effects), e => e is Effect.Close { Reason: "heartbeat not acknowledged" });
    }

    [Fact]
    public void A_connection_opened_while_its_session_write_was_lost_is_closed_at_its_Hello_and_the_next_generation_opens()
    {
        var world = WorldGen.NewWorld();
        world.Apply(new WorldEvent.LoseNextWrite(0, "gw/"));
        world.Apply(Play);

        var stray = GatewayIds.Connection("alice", 1);
        Assert.Contains(world.Decisions.SelectMany(d => d.Step.Effects), e => e is Effect.Close { Code: CloseCodes.FinalClose, Reason: "unknown connection" } c && c.ConnectionId == stray);
        Assert.Equal(GatewayIds.Connection("alice", 2), world.OpenConnectionOf("alice"));
        Assert.Single(world.OpenConnectionsOf("alice"));
        Assert.Equal(2, world.StoredSessionOf("alice").Generation);
        Assert.Equal(Phase.Ready, world.StoredSessionOf("alice").Phase);
        Assert.NotNull(ShownBy(world, world.OpenConnectionOf("alice")));
    }

    [Fact]
    public void A_lost_playback_write_keeps_the_presence_its_report_sent_until_the_players_next_report()
    {
        var world = WorldGen.NewWorld();
        world.Apply(Play);
        world.AdvanceBy(30_000);
        world.Apply(new WorldEvent.LoseNextWrite(0, "pb/"));
        world.Apply(Play with { Track = 1, PositionSeconds = 5 });
        var shown = ShownBy(world, world.OpenConnectionOf("alice"));
        Assert.True(Shows(shown, Tracks.Get(1)));

        // Refreshes read the older playback stored before: they never send it over what the report showed.
        world.AdvanceBy(2 * GatewaySession.RefreshSeconds * 1000L);
        Assert.Same(shown, ShownBy(world, world.OpenConnectionOf("alice")));
        Assert.Equal(Tracks.Get(0).Id, Assert.Single(world.StoredPlaybackOf("alice").Players).Track.Id);

        world.Apply(Play with { Track = 1, PositionSeconds = 65 });
        Assert.Equal(Tracks.Get(1).Id, Assert.Single(world.StoredPlaybackOf("alice").Players).Track.Id);
        Assert.True(Shows(ShownBy(world, world.OpenConnectionOf("alice")), Tracks.Get(1)));
    }

    private static bool Shows(PresenceUpdate? presence, Track track) =>
        presence?.Activities.Items.SingleOrDefault() is { } activity && (activity.Details == track.Title || activity.State == track.Title || activity.Name == track.Title);
}
