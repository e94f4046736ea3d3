using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.State;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;
using Navidrome.DiscordPresence.Tests.Simulation;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Gateway;

/// <summary>Scripted conversations between the core and the simulated Discord, one rule each.</summary>
public class ConversationTests
{
    private static World Playing(bool yielding = true)
    {
        var world = WorldGen.NewWorld(yielding: yielding);
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 0, 10, 1));
        return world;
    }

    private static IEnumerable<GatewayFrame> FramesOf(World world, string user = "alice") =>
        world.SentFrames.Where(f => f.User == user).Select(f => f.Frame);

    [Fact]
    public void A_first_play_connects_waits_for_Hello_identifies_with_the_presence_then_resends_it_after_READY()
    {
        var world = Playing(yielding: false);
        var connect = world.Decisions.SelectMany(d => d.Step.Effects).OfType<Effect.Connect>().Single();
        Assert.Equal("wss://gateway.discord.gg/?v=10&encoding=json", connect.Url);
        var frames = FramesOf(world).ToArray();
        var identify = Assert.IsType<GatewayFrame.Identify>(frames[0]);
        Assert.Equal("Blue in Green", identify.Presence.Activities[0].Details);
        var update = Assert.IsType<GatewayFrame.UpdatePresence>(frames[1]);
        Assert.Equal(identify.Presence, update.Presence);
        Assert.Equal(Phase.Ready, world.StateOf("alice").Session.Phase);
    }

    [Fact]
    public void Watching_for_other_players_a_new_session_identifies_with_a_clear_presence_and_shows_the_track_after_READY()
    {
        var world = Playing();
        var frames = FramesOf(world).ToArray();
        var identify = Assert.IsType<GatewayFrame.Identify>(frames[0]);
        Assert.True(identify.Presence.IsClear);
        var update = Assert.IsType<GatewayFrame.UpdatePresence>(frames[1]);
        Assert.Equal("Blue in Green", update.Presence.Activities[0].Details);
    }

    [Fact]
    public void Another_players_Listening_activity_clears_ours_until_it_ends_and_the_connection_stays()
    {
        var world = Playing();
        world.Apply(new WorldEvent.OtherPlayer(0, "Spotify"));
        world.AdvanceBy(1_000);
        Assert.True(FramesOf(world).OfType<GatewayFrame.UpdatePresence>().Last().Presence.IsClear);
        Assert.Equal("Spotify", world.StateOf("alice").Session.OtherPlayer);

        // Standing down is not idle: the connection stays past the grace period, to hear when Spotify stops.
        world.AdvanceBy((GatewaySession.IdleGraceSeconds + 60) * 1000L);
        Assert.NotNull(world.OpenConnectionOf("alice"));

        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 0, 100, 1));
        world.Apply(new WorldEvent.OtherPlayer(0, null));
        world.AdvanceBy(1_000);
        Assert.Equal("Blue in Green", FramesOf(world).OfType<GatewayFrame.UpdatePresence>().Last().Presence.Activities[0].Details);
    }

    [Fact]
    public void A_READY_that_lists_another_players_activity_clears_ours_at_once()
    {
        var world = WorldGen.NewWorld();
        world.Apply(new WorldEvent.OtherPlayer(0, "Spotify"));
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 0, 10, 1));
        world.AdvanceBy(1_000);
        Assert.All(FramesOf(world).Select(f => f switch { GatewayFrame.Identify i => i.Presence, GatewayFrame.UpdatePresence u => u.Presence, _ => null }).OfType<PresenceUpdate>(),
            presence => Assert.True(presence.IsClear));
        Assert.NotNull(world.OpenConnectionOf("alice"));
    }

    [Fact]
    public void With_the_switch_off_other_players_change_nothing()
    {
        var world = Playing(yielding: false);
        world.Apply(new WorldEvent.OtherPlayer(0, "Spotify"));
        world.AdvanceBy(1_000);
        Assert.Equal("Blue in Green", FramesOf(world).OfType<GatewayFrame.UpdatePresence>().Last().Presence.Activities[0].Details);
        Assert.Null(world.StateOf("alice").Session.OtherPlayer);
    }

    [Fact]
    public void The_first_heartbeat_is_jittered_within_one_interval_and_later_ones_follow_the_interval()
    {
        var world = Playing();
        world.AdvanceBy(3 * World.HelloIntervalMs);
        var beats = world.SentFrames.Where(f => f.Frame is GatewayFrame.Heartbeat).Select(f => f.AtMs - World.StartMs).ToArray();
        Assert.InRange(beats[0], 0, World.HelloIntervalMs);
        Assert.Equal(41_000, beats[1] - beats[0]);
    }

    [Fact]
    public void Op_7_closes_with_a_resumable_code_and_resumes_on_the_resume_url()
    {
        var world = Playing();
        world.Apply(new WorldEvent.Reconnect(0));
        var effects = world.Decisions.SelectMany(d => d.Step.Effects).ToArray();
        Assert.Contains(effects, e => e is Effect.Close { Code: 4000 });
        Assert.Equal("wss://gateway-resume.discord.gg/?v=10&encoding=json", effects.OfType<Effect.Connect>().Last().Url);
        Assert.IsType<GatewayFrame.Resume>(FramesOf(world).Reverse().Skip(1).First());
        Assert.Equal(1, FramesOf(world).Count(f => f is GatewayFrame.Identify));
    }

    [Fact]
    public void A_connection_that_stops_acknowledging_heartbeats_is_closed_and_resumed()
    {
        var world = Playing();
        world.Apply(new WorldEvent.WithholdAcks(0, true));
        world.AdvanceBy(3 * World.HelloIntervalMs);
        Assert.Contains(world.Decisions.SelectMany(d => d.Step.Effects), e => e is Effect.Close { Code: 4000, Reason: "heartbeat not acknowledged" });
        Assert.Contains(FramesOf(world), f => f is GatewayFrame.Resume);
    }

    [Fact]
    public void A_rejected_token_stops_all_traffic_and_says_so_once_without_the_token()
    {
        var world = WorldGen.NewWorld();
        world.Apply(new WorldEvent.Report(2, 0, ReportState.Playing, 0, 10, 1));
        world.Apply(new WorldEvent.Report(2, 0, ReportState.Playing, 1, 10, 1));
        world.AdvanceBy(600_000);
        var logs = world.Decisions.Where(d => d.User == "carol").SelectMany(d => d.Step.Effects).OfType<Effect.Log>().Where(l => l.Level == LogLevel.Error).ToArray();
        var error = Assert.Single(logs);
        Assert.Contains("carol", error.Message);
        Assert.Contains("4004", error.Message);
        Assert.Single(FramesOf(world, "carol"), f => f is GatewayFrame.Identify);
    }

    [Fact]
    public void A_skip_storm_is_coalesced_and_ends_with_the_newest_track()
    {
        var world = Playing();
        for (var i = 0; i < 12; i++)
        {
            world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, i % Tracks.Count, 0, 1));
            world.AdvanceBy(500);
        }
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 2, 0, 1));
        world.AdvanceBy(30_000);
        var presences = world.SentFrames.Where(f => f.Presence is not null).ToArray();
        Assert.True(presences.Length <= 2 + 4 + 2, $"{presences.Length} presence sends");
        Assert.Equal("Ünïcödé 🎵 Song", presences[^1].Presence!.Activities[0].Details);
    }

    [Fact]
    public void Stopping_clears_at_once_and_closes_the_connection_after_the_idle_grace()
    {
        var world = Playing();
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Stopped, 0, 20, 1));
        Assert.True(world.SentFrames[^1].Presence!.IsClear);
        world.AdvanceBy((GatewaySession.IdleGraceSeconds - 10) * 1000L);
        Assert.NotNull(world.OpenConnectionOf("alice"));
        world.AdvanceBy(20_000);
        Assert.Null(world.OpenConnectionOf("alice"));
        Assert.Contains(world.Decisions.SelectMany(d => d.Step.Effects), e => e is Effect.Close { Code: 1000 });
    }

    [Fact]
    public void Playing_again_within_the_grace_reuses_the_connection_without_a_new_identify()
    {
        var world = Playing();
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Stopped, 0, 20, 1));
        world.AdvanceBy(60_000);
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 1, 0, 1));
        Assert.Single(FramesOf(world), f => f is GatewayFrame.Identify);
        Assert.Equal("夜に駆ける", world.SentFrames[^1].Presence!.Activities[0].Details);
    }

    [Fact]
    public void Stale_callbacks_from_an_older_connection_change_nothing_of_the_current_one()
    {
        var world = Playing();
        var state = world.StateOf("alice");
        var stale = GatewayIds.Connection("alice", state.Session.Generation - 1);
        var config = world.Config;
        foreach (var input in new Input[]
        {
            new Input.FrameReceived(stale, new InboundFrame.HeartbeatAck()),
            new Input.SocketClosed(stale, 4000, "old"),
            new Input.TimerFired(GatewayIds.Schedule(TimerKind.FirstBeat, state.Session.Generation - 1, "alice"), ""),
        })
        {
            var step = Core.Decide(input, "alice", state, config, new Moment(world.NowMs, 0.5));
            // An ACK is recorded for the connection it arrived on, without reading anything: the old one's key.
            Assert.Equal(state with { Received = step.State.Received }, step.State);
            Assert.DoesNotContain(step.Effects, e => e is Effect.Send or Effect.Connect or Effect.Close);
            Assert.All(step.Effects.Items.Where(StoredState.IsWrite), write => Assert.Contains($"/alice/{state.Session.Generation - 1}", write.ToString()));
        }
    }

    [Fact]
    public void Failed_connects_back_off_ever_longer_up_to_the_cap()
    {
        var world = WorldGen.NewWorld();
        world.Apply(new WorldEvent.FailNextConnect(0));
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 0, 10, 1));
        var delays = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            var retry = world.Decisions.SelectMany(d => d.Step.Effects).OfType<Effect.ScheduleOnce>().Last(s => s.ScheduleId.StartsWith("retry", StringComparison.Ordinal));
            delays.Add(retry.DelaySeconds);
            world.Apply(new WorldEvent.FailNextConnect(0));
            world.AdvanceBy(retry.DelaySeconds * 1000L);
        }
        for (var i = 1; i < delays.Count; i++) Assert.True(delays[i] >= delays[i - 1], $"delays {string.Join(", ", delays)}");
        Assert.InRange(delays[^1], Backoff.MaxSeconds / 2, Backoff.MaxSeconds);
    }
}
