using Xunit;
using Xunit.Abstractions;

namespace Navidrome.DiscordPresence.Tests.Simulation.Concurrency;

/// <summary>Examples of the concurrency simulation itself: it runs the real plugin and agrees with itself when sequential.</summary>
public class SmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void A_listening_session_run_one_call_after_another_shows_the_track()
    {
        var world = new ConcurrentWorld(1, interleave: false, faults: false);
        world.Run(EventText.Parse("R 0 0 Starting 0 10 1; A 5; R 0 0 Playing 0 15 1; A 30"));
        output.WriteLine(world.Describe());
        output.WriteLine(string.Join("\n", world.Host.Warnings));
        Assert.Empty(world.Interleaver.Crashes);
        Assert.Contains("Blue in Green", ShownPresence.Summary(world.Discord.Shown("alice")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_gives_the_same_run()
    {
        var events = EventText.Parse("R 0 0 Starting 0 10 1; R 1 0 Starting 1 10 1; A 5; R 0 0 Playing 2 15 1; P 1 3 20; A 50");
        string Play()
        {
            var world = new ConcurrentWorld(42, interleave: true, faults: true);
            world.Run(events);
            return world.Describe() + string.Join(",", world.Discord.Sockets.Select(s => s.ToString() + s.Presence?.ToJsonString()));
        }
        Assert.Equal(Play(), Play());
    }
}
