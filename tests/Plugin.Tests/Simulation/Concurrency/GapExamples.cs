using Xunit;
using Xunit.Abstractions;

namespace Navidrome.DiscordPresence.Tests.Simulation.Concurrency;

/// <summary>
/// Examples of what the simulation's Discord and host now do beyond the generated runs: another player's session,
/// the closing of a connection that stops heartbeating, and a recurring schedule the host accepted but never fires.
/// </summary>
public class GapExamples(ITestOutputHelper output)
{
    private const string Listening = "R 0 0 Playing 3 0 1; A 45";

    [Fact]
    public void Ours_clears_while_another_player_listens_and_comes_back_after()
    {
        var world = new ConcurrentWorld(7, interleave: true, faults: false);
        world.Run(EventText.Parse(Listening));
        Assert.Contains("Untitled", ShownPresence.Summary(world.Discord.Shown("alice")), StringComparison.Ordinal);

        world.Run(EventText.Parse("X 0 Spotify; A 5"));
        output.WriteLine(string.Join("\n", world.Host.Texts.Where(t => t.Contains("Spotify", StringComparison.Ordinal))));
        Assert.Equal("nothing", ShownPresence.Summary(world.Discord.Shown("alice")));

        world.Run(EventText.Parse("X 0 -; A 25"));
        Assert.Contains("Untitled", ShownPresence.Summary(world.Discord.Shown("alice")), StringComparison.Ordinal);
        // Discord listed Spotify's activity next to ours for no virtual time: the clear went out at that instant.
        Assert.All(world.Discord.ListeningTogetherUntilNow(), t => Assert.Equal(t.FromMs, t.ToMs));
        Assert.Empty(world.Discord.Violations);
    }

    [Fact]
    public void A_lost_heartbeat_schedule_is_noticed_by_the_next_refresh_when_Discord_keeps_the_connection()
    {
        var world = new ConcurrentWorld(7, interleave: true, faults: false);
        world.Discord.ClosesSilentConnections = false;
        world.Host.LosesRecurring = id => id.StartsWith("hb:", StringComparison.Ordinal);
        world.Run(EventText.Parse(Listening));
        var first = Assert.Single(world.Discord.Sockets);
        Assert.Equal(1, first.Heartbeats);

        // The first beat armed the lost heartbeat and the refresh (every 300 s): the refresh is the next call, and it
        // finds neither a beat nor an ACK for two intervals plus 10 s.
        world.AdvanceBy(300_000);
        world.Interleaver.RunUntilQuiet();
        output.WriteLine(string.Join("\n", world.Host.Warnings));
        Assert.Contains(world.Host.Warnings, w => w.Contains("heartbeat stopped", StringComparison.Ordinal));
        Assert.True(first.ClosedByPlugin);
        var second = world.Discord.Sockets[^1];
        Assert.NotSame(first, second);
        Assert.Same(first.Session, second.Session);
        Assert.Contains("Untitled", ShownPresence.Summary(world.Discord.Shown("alice")), StringComparison.Ordinal);
    }

    [Fact]
    public void With_both_recurring_schedules_lost_the_next_report_notices_the_stopped_heartbeat()
    {
        var world = new ConcurrentWorld(7, interleave: true, faults: false);
        world.Discord.ClosesSilentConnections = false;
        world.Host.LosesRecurring = _ => true;
        world.Run(EventText.Parse(Listening));
        var first = Assert.Single(world.Discord.Sockets);

        // Nothing calls in: no heartbeat, no refresh; the connection stays, silent.
        world.AdvanceBy(600_000);
        Assert.True(first.Open);
        Assert.Single(world.Discord.Sockets);

        world.Run(EventText.Parse("R 0 0 Playing 3 600 1; A 5"));
        Assert.Contains(world.Host.Warnings, w => w.Contains("heartbeat stopped", StringComparison.Ordinal));
        Assert.True(first.ClosedByPlugin);
        Assert.Same(first.Session, world.Discord.Sockets[^1].Session);
        Assert.Contains("Untitled", ShownPresence.Summary(world.Discord.Shown("alice")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lost_heartbeat_schedule_makes_Discord_close_the_connection_and_the_plugin_resumes()
    {
        var world = new ConcurrentWorld(7, interleave: true, faults: false);
        world.Host.LosesRecurring = id => id.StartsWith("hb:", StringComparison.Ordinal) && id.EndsWith(":1:alice", StringComparison.Ordinal);
        world.Run(EventText.Parse(Listening));
        var first = Assert.Single(world.Discord.Sockets);
        var beatAt = first.LastHeartbeatMs!.Value;

        world.AdvanceBy(120_000);
        output.WriteLine(string.Join("\n", world.Discord.TimedOut));
        Assert.True(first.TimedOut);
        Assert.Equal(beatAt + MemoryDiscord.HeartbeatIntervalMs + MemoryDiscord.SilenceGraceMs, world.Discord.Sockets[1].OpenedAtMs);
        Assert.Same(first.Session, world.Discord.Sockets[1].Session);
        Assert.Contains("Untitled", ShownPresence.Summary(world.Discord.Shown("alice")), StringComparison.Ordinal);
        Assert.Empty(world.UnknownConnections());
    }
}
