using BenchmarkDotNet.Attributes;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Presence;
using Navidrome.DiscordPresence.Effects.Discord;
using Navidrome.DiscordPresence.Exports.Discord;

namespace Navidrome.DiscordPresence.Benchmarks;

/// <summary>
/// Work every Navidrome call repeats because nothing survives between calls: parsing the config (three users),
/// composing the presence and writing it as a gateway frame.
/// </summary>
[MemoryDiagnoser]
public class PerCallBenchmarks
{
    private readonly Dictionary<string, string> raw = new()
    {
        ["clientid"] = "1234567890123456789",
        ["users"] = """[{"username":"alice","token":"MTA5.a.b"},{"username":"bob","token":"MTA6.c.d"},{"username":"carol","token":"MTA7.e.f"}]""",
        ["activityname"] = "Custom",
        ["caaenabled"] = "true",
        ["ignoredplayers"] = """["Sonos"]""",
    };

    private readonly NowShowing showing = new(
        new Track("t1", "Blue in Green", "Kind of Blue", "Miles Davis", "Miles Davis", "Miles Davis", 337.5), false, 10_000, 1, 1_800_000_000_000);

    private PluginConfig config = null!;
    private PresenceUpdate presence = null!;

    [GlobalSetup]
    public void Setup()
    {
        config = ConfigParser.Parse(raw).Config;
        presence = PresenceComposer.Compose(showing, config, new Decorations(LargeImage: "mp:external/abc/art.png"));
    }

    [Benchmark]
    public ConfigParse ParseConfig() => ConfigParser.Parse(raw);

    [Benchmark]
    public PresenceUpdate ComposePresence() => PresenceComposer.Compose(showing, config, new Decorations(LargeImage: "mp:external/abc/art.png"));

    [Benchmark]
    public string? WritePresenceFrame() => GatewayWire.Serialize(new GatewayFrame.UpdatePresence(presence), _ => null);
}
