using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Presence;
using Navidrome.DiscordPresence.Effects.Discord;
using Navidrome.DiscordPresence.Exports.Discord;
using Navidrome.DiscordPresence.Tests.Simulation;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Presence;

/// <summary><c>progress</c> and <c>smalltexttemplate</c>, pinned down to the bytes Discord receives.</summary>
public class ProgressAndSmallTextTests
{
    private const long T0 = 1_800_000_000_000;
    private static readonly Track Song = new("t", "Blue in Green", "Kind of Blue", "Miles Davis", "Miles Davis", "Miles Davis", 337);
    private static readonly Decorations WithLogo = new(LargeImage: "mp:external/abc/art.png", PauseImage: "mp:external/def/pause.png", LogoImage: "mp:external/ghi/logo.png");

    private static string Wire(PluginConfig config, bool paused = false) =>
        GatewayWire.Serialize(new GatewayFrame.UpdatePresence(
            PresenceComposer.Compose(new NowShowing(Song, paused, 83_000, 1, T0), config, WithLogo)), _ => null)!;

    private const string Head = """{"op":3,"d":{"since":0,"activities":[{"name":"Navidrome","type":2,"details":"Blue in Green","state":"Miles Davis","application_id":"1234567890123456789","status_display_type":2""";

    [Fact]
    public void Bar_sends_start_and_end_and_the_small_text_template_while_playing() =>
        Assert.Equal(Head + ""","timestamps":{"start":1799999917000,"end":1800000254000},"assets":{"large_image":"mp:external/abc/art.png","large_text":"Kind of Blue","small_image":"mp:external/ghi/logo.png","small_text":"via Navidrome: Kind of Blue"}}],"status":"online","afk":false}}""",
            Wire(WorldGen.Config() with { SmallTextTemplate = "via Navidrome: {album}" }));

    [Fact]
    public void Elapsed_sends_only_the_start_so_Discord_shows_a_running_clock() =>
        Assert.Equal(Head + ""","timestamps":{"start":1799999917000},"assets":{"large_image":"mp:external/abc/art.png","large_text":"Kind of Blue","small_image":"mp:external/ghi/logo.png","small_text":"Navidrome"}}],"status":"online","afk":false}}""",
            Wire(WorldGen.Config() with { Progress = ProgressMode.Elapsed }));

    [Fact]
    public void Off_sends_no_timestamps() =>
        Assert.Equal(Head + ""","assets":{"large_image":"mp:external/abc/art.png","large_text":"Kind of Blue","small_image":"mp:external/ghi/logo.png","small_text":"Navidrome"}}],"status":"online","afk":false}}""",
            Wire(WorldGen.Config() with { Progress = ProgressMode.Off }));

    [Fact]
    public void Paused_keeps_its_position_text_whatever_the_small_text_template() =>
        Assert.Equal(Head + ""","assets":{"large_image":"mp:external/abc/art.png","large_text":"Kind of Blue","small_image":"mp:external/def/pause.png","small_text":"Paused at 1:23 / 5:37"}}],"status":"online","afk":false}}""",
            Wire(WorldGen.Config() with { SmallTextTemplate = "{album}" }, paused: true));

    [Theory]
    [InlineData("bar", ProgressMode.Bar)]
    [InlineData("Elapsed", ProgressMode.Elapsed)]
    [InlineData("OFF", ProgressMode.Off)]
    public void The_progress_key_takes_its_names_in_any_case(string text, ProgressMode expected) =>
        Assert.Equal(expected, ConfigParser.Parse(new Dictionary<string, string> { ["clientid"] = "1234567890123456789", ["progress"] = text }).Config.Progress);

    [Fact]
    public void A_bad_progress_value_is_reported_and_the_bar_kept()
    {
        var parse = ConfigParser.Parse(new Dictionary<string, string> { ["clientid"] = "1234567890123456789", ["progress"] = "full" });
        Assert.Equal("config key 'progress': expected one of bar, elapsed, off, got \"full\"", Assert.Single(parse.Errors).ToString());
        Assert.Equal(ProgressMode.Bar, parse.Config.Progress);
    }
}
