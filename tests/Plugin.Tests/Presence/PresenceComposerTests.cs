using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Presence;
using Navidrome.DiscordPresence.Effects.Discord;
using Navidrome.DiscordPresence.Tests.Simulation;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Presence;

public class PresenceComposerTests
{
    private const long T0 = 1_800_000_000_000;
    private static readonly Track Song = new("t", "Blue in Green", "Kind of Blue", "Miles Davis", "Miles Davis", "Miles Davis", 180);
    private static readonly PluginConfig Config = WorldGen.Config();

    private static Activity Playing(double rate, long positionMs = 10_000, PluginConfig? config = null, Decorations? decorations = null) =>
        PresenceComposer.Compose(new NowShowing(Song, false, positionMs, rate, T0), config ?? Config, decorations ?? Decorations.None).Activities.Single();

    [Theory]
    [InlineData(1.0, T0 - 10_000, T0 + 170_000)]
    [InlineData(2.0, T0 - 5_000, T0 + 85_000)]      // the Go plugin's own example: 10 s in at 2× started 5 s ago, 90 s long
    [InlineData(0.5, T0 - 20_000, T0 + 340_000)]
    public void Timestamps_scale_with_the_playback_rate(double rate, long start, long end) =>
        Assert.Equal(new ActivityTimestamps(start, end), Playing(rate).Timestamps);

    [Fact]
    public void A_playing_track_is_a_listening_activity_from_the_templates()
    {
        var activity = Playing(1);
        Assert.Equal(("Navidrome", 2, "1234567890123456789"), (activity.Name, activity.Type, activity.ApplicationId));
        Assert.Equal(("Blue in Green", "Miles Davis"), (activity.Details, activity.State));
        Assert.Equal((int)StatusDisplay.Details, activity.StatusDisplayType);
    }

    [Theory]
    [InlineData(ActivityNameMode.Default, "Navidrome")]
    [InlineData(ActivityNameMode.Track, "Blue in Green")]
    [InlineData(ActivityNameMode.Album, "Kind of Blue")]
    [InlineData(ActivityNameMode.Artist, "Miles Davis")]
    [InlineData(ActivityNameMode.Custom, "Miles Davis - Blue in Green")]
    public void The_activity_name_follows_the_mode(ActivityNameMode mode, string expected) =>
        Assert.Equal(expected, Playing(1, config: Config with { ActivityName = mode }).Name);

    [Fact]
    public void The_member_list_field_is_set_independently_of_the_name()
    {
        var config = Config with { ActivityName = ActivityNameMode.Album, StatusDisplay = StatusDisplay.State };
        Assert.Equal((int)StatusDisplay.State, Playing(1, config: config).StatusDisplayType);
    }

    [Fact]
    public void A_custom_name_that_renders_empty_falls_back_to_Navidrome()
    {
        var config = Config with { ActivityName = ActivityNameMode.Custom, ActivityNameTemplate = "{album}" };
        var activity = PresenceComposer.Compose(new NowShowing(Song with { Album = "" }, false, 0, 1, T0), config, Decorations.None).Activities.Single();
        Assert.Equal("Navidrome", activity.Name);
    }

    [Theory]
    [InlineData(OnlineStatus.Online, "online")]
    [InlineData(OnlineStatus.Idle, "idle")]
    [InlineData(OnlineStatus.Dnd, "dnd")]
    [InlineData(OnlineStatus.Invisible, "invisible")]
    public void The_configured_status_goes_with_every_presence_including_a_clear(OnlineStatus status, string expected)
    {
        var config = Config with { Status = status };
        Assert.Equal(expected, PresenceComposer.Compose(new NowShowing(Song, false, 0, 1, T0), config, Decorations.None).Status);
        var clear = PresenceComposer.Compose(null, config, Decorations.None);
        Assert.True(clear.IsClear);
        Assert.Equal(expected, clear.Status);
    }

    [Fact]
    public void Paused_shows_no_running_clock_and_the_frozen_position_on_the_pause_icon()
    {
        var decorations = new Decorations(LargeImage: "mp:art", PauseImage: "mp:pause");
        var presence = PresenceComposer.Compose(new NowShowing(Song, true, 83_400, 1, T0), Config, decorations);
        var activity = presence.Activities.Single();
        Assert.Null(activity.Timestamps);
        Assert.Equal(new ActivityAssets("mp:art", "Kind of Blue", null, "mp:pause", "Paused at 1:23 / 3:00"), activity.Assets);
    }

    [Fact]
    public void Paused_without_a_pause_icon_puts_the_position_on_the_album_art()
    {
        var presence = PresenceComposer.Compose(new NowShowing(Song, true, 83_400, 1, T0), Config, new Decorations(LargeImage: "mp:art"));
        Assert.Equal(new ActivityAssets("mp:art", "Paused at 1:23 / 3:00", null, null, null), presence.Activities.Single().Assets);
    }

    [Fact]
    public void Paused_in_clear_mode_is_the_clear_payload() =>
        Assert.True(PresenceComposer.Compose(new NowShowing(Song, true, 0, 1, T0), Config with { Pause = PauseMode.Clear }, Decorations.None).IsClear);

    [Fact]
    public void Over_long_fields_are_cut_and_over_long_links_dropped()
    {
        var longTitle = string.Concat(Enumerable.Repeat("🎵", 300));
        var decorations = new Decorations(LargeImage: "mp:art", DetailsUrl: "https://open.spotify.com/" + new string('x', 300), StateUrl: "https://musicbrainz.org/a");
        var activity = PresenceComposer.Compose(new NowShowing(Song with { Title = longTitle }, false, 0, 1, T0), Config, decorations).Activities.Single();
        Assert.Equal(128, TextField.CountRunes(activity.Details!));
        Assert.EndsWith("…", activity.Details);
        Assert.Null(activity.DetailsUrl);
        Assert.Equal("https://musicbrainz.org/a", activity.StateUrl);
    }

    [Fact]
    public void The_logo_shows_as_small_image_only_when_the_decorations_carry_it()
    {
        Assert.Null(Playing(1, decorations: new Decorations(LargeImage: "mp:art")).Assets!.SmallImage);
        var assets = Playing(1, decorations: new Decorations(LargeImage: "mp:art", LogoImage: "mp:logo")).Assets!;
        Assert.Equal(("mp:logo", "Navidrome"), (assets.SmallImage, assets.SmallText));
    }

    [Fact]
    public void Without_any_image_there_are_no_assets() => Assert.Null(Playing(1).Assets);

    [Theory]
    [InlineData(0, 0, "Paused at 0:00")]
    [InlineData(83_999, 245_000, "Paused at 1:23 / 4:05")]
    [InlineData(3_723_000, 4_000_000, "Paused at 1:02:03 / 1:06:40")]
    [InlineData(5_000, 0, "Paused at 0:05")]
    public void The_paused_position_reads_like_a_player(long position, long duration, string expected) =>
        Assert.Equal(expected, PositionText.PausedAt(position, duration));
}
