using Navidrome.DiscordPresence.Harness;
using Navidrome.DiscordPresence.TestHost;
using Navidrome.DiscordPresence.TestHost.Services;
using Xunit;
using Xunit.Abstractions;

namespace Navidrome.DiscordPresence.TestHost.Tests;

public sealed class SmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void A_play_report_reaches_discord_as_identify_and_presence()
    {
        var options = new HostOptions { Users = [new NavidromeUser("alice", "Alice", false)], FixedRandom = 0.5 };
        using var world = new TestWorld(new ManagedPluginRunner(), options, """{"clientid":"123456789012345678","users":[{"username":"alice","token":"token-alice"}]}""");
        world.Host.Load();
        world.Host.Settle();
        var track = new TrackInfo("t1", "First Song", "Album", "Artist A", 200);
        world.Scrobbler.Report("alice", track, "playing", 0);
        world.Host.Advance(TimeSpan.FromSeconds(100));
        output.WriteLine(world.Transcript.ToString());
        Assert.Contains(world.Discord.Frames, f => f.Op == 2);
        Assert.Contains(world.Discord.Presences, p => p.Text.Contains("First Song", StringComparison.Ordinal));
    }
}
