using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Presence;
using Navidrome.DiscordPresence.Effects.Discord;
using Navidrome.DiscordPresence.Exports.Discord;
using Navidrome.DiscordPresence.Tests.Simulation;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Presence;

/// <summary><c>buttons</c>, from the templates down to the bytes Discord receives.</summary>
public class ActivityButtonsTests
{
    private const long T0 = 1_800_000_000_000;
    private static readonly Track Song = new("t", "Blue in Green", "Kind of Blue", "Miles Davis", "Miles Davis", "Miles Davis", 337,
        MbzRecordingId: "0b0c5d4e-1111-2222-3333-444455556666", MbzAlbumId: "a1b2c3d4-aaaa-bbbb-cccc-ddddeeeeffff");
    private static readonly TrackLinks Links = new("https://open.spotify.com/track/4vLYewWIvqHfKtJDk8c8tq",
        "https://musicbrainz.org/recording/0b0c5d4e-1111-2222-3333-444455556666", "https://musicbrainz.org/release/a1b2c3d4-aaaa-bbbb-cccc-ddddeeeeffff");

    private static PluginConfig With(params ButtonTemplate[] buttons) => WorldGen.Config() with { Buttons = [.. buttons] };

    private static Activity Compose(PluginConfig config, Track? track = null, bool paused = false, TrackLinks? links = null) =>
        PresenceComposer.Compose(new NowShowing(track ?? Song, paused, 83_000, 1, T0), config, new Decorations(Links: links ?? Links)).Activities.Single();

    private static string Wire(PluginConfig config) =>
        GatewayWire.Serialize(new GatewayFrame.UpdatePresence(new PresenceUpdate([Compose(config)], "online")), _ => null)!;

    [Fact]
    public void Two_buttons_go_out_as_labels_and_metadata_button_urls_in_the_same_order() =>
        Assert.Equal(
            """{"op":3,"d":{"since":0,"activities":[{"name":"Navidrome","type":2,"details":"Blue in Green","state":"Miles Davis","application_id":"1234567890123456789","status_display_type":2,"timestamps":{"start":1799999917000,"end":1800000254000},"buttons":["Listen on Spotify","Kind of Blue on MusicBrainz"],"metadata":{"button_urls":["https://open.spotify.com/track/4vLYewWIvqHfKtJDk8c8tq","https://musicbrainz.org/release/a1b2c3d4-aaaa-bbbb-cccc-ddddeeeeffff"]}}],"status":"online","afk":false}}""",
            Wire(With(new ButtonTemplate("Listen on Spotify", "{spotifyurl}"), new ButtonTemplate("{album} on MusicBrainz", "{musicbrainzalbumurl}"))));

    [Fact]
    public void Without_buttons_neither_field_is_sent() =>
        Assert.DoesNotContain("button", Wire(WorldGen.Config()), StringComparison.Ordinal);

    [Fact]
    public void Text_placeholders_are_url_encoded_inside_the_url_and_a_link_is_encoded_when_it_does_not_start_it()
    {
        var activity = Compose(With(
            new("Search", "https://www.youtube.com/results?search_query={artist} {track}".Replace(" ", "+", StringComparison.Ordinal)),
            new("Share", "https://example.org/share?u={musicbrainzurl}&t={track}")));
        Assert.Equal(new ActivityButtons(
                new ActivityButton("Search", "https://www.youtube.com/results?search_query=Miles%20Davis+Blue%20in%20Green"),
                new ActivityButton("Share", "https://example.org/share?u=https%3A%2F%2Fmusicbrainz.org%2Frecording%2F0b0c5d4e-1111-2222-3333-444455556666&t=Blue%20in%20Green")),
            activity.Buttons);
    }

    [Fact]
    public void A_tag_cannot_steer_the_url_elsewhere()
    {
        var hostile = Song with { Artist = "evil.example/@x?", Title = "../../admin#" };
        var button = Compose(With(new ButtonTemplate("Go", "https://example.org/{artist}/{track}")), hostile).Buttons!.First;
        Assert.Equal("https://example.org/evil.example%2F%40x%3F/..%2F..%2Fadmin%23", button.Url);
    }

    [Fact]
    public void A_long_label_is_cut_to_31_bytes_with_an_ellipsis()
    {
        var label = Compose(With(new ButtonTemplate("{track} — {album} — {artist}", "{spotifyurl}"))).Buttons!.First.Label;
        Assert.Equal("Blue in Green — Kind of Bl…", label);
        Assert.Equal(31, System.Text.Encoding.UTF8.GetByteCount(label));
    }

    [Fact]
    public void A_label_of_exactly_32_latin_letters_is_cut_because_Discord_hides_such_a_presence_from_others()
    {
        var label = Compose(With(new ButtonTemplate(new string('a', 32), "{spotifyurl}"))).Buttons!.First.Label;
        Assert.Equal(new string('a', 28) + "…", label);
    }

    [Fact]
    public void A_non_latin_label_is_cut_by_bytes_at_a_character_boundary()
    {
        var label = Compose(With(new ButtonTemplate("Слушать на Спотифай сейчас", "{spotifyurl}"))).Buttons!.First.Label;
        Assert.Equal("Слушать на Спот…", label);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(label) <= TextField.MaxLabelBytes);
    }

    [Fact]
    public void A_button_whose_label_renders_empty_or_whose_link_is_missing_is_left_out_and_the_next_one_moves_up()
    {
        var config = With(new ButtonTemplate("{genre}", "https://example.org/genre"), new ButtonTemplate("MusicBrainz", "{musicbrainzurl}"));
        Assert.Equal(new ActivityButtons(new ActivityButton("MusicBrainz", Links.MusicBrainzRecording!)), Compose(config).Buttons);
        Assert.Null(Compose(config, links: Links with { MusicBrainzRecording = null }).Buttons);
    }

    [Fact]
    public void Buttons_stay_while_paused() =>
        Assert.NotNull(Compose(With(new ButtonTemplate("Listen", "{spotifyurl}")), paused: true).Buttons);

    [Fact]
    public void A_changed_button_is_a_change_worth_sending()
    {
        var before = new PresenceUpdate([Compose(With(new ButtonTemplate("Listen", "{spotifyurl}")))], "online");
        var after = new PresenceUpdate([Compose(With(new ButtonTemplate("Listen", "{spotifyurl}")), links: Links with { Spotify = "https://open.spotify.com/search/Miles%20Davis" })], "online");
        Assert.False(PresenceDiff.Differs(before, new PresenceUpdate([Compose(With(new ButtonTemplate("Listen", "{spotifyurl}")))], "online")));
        Assert.True(PresenceDiff.Differs(before, after));
        Assert.True(PresenceDiff.Differs(before, new PresenceUpdate([before.Activities[0] with { Buttons = null }], "online")));
    }

    [Fact]
    public void The_Spotify_link_is_looked_up_when_the_links_mode_or_a_button_uses_it()
    {
        Assert.False(WorldGen.Config().LooksUpSpotify);
        Assert.True(WorldGen.Config(links: LinkMode.Spotify).LooksUpSpotify);
        Assert.True(With(new ButtonTemplate("Listen", "https://example.org/?u={spotifyurl}")).LooksUpSpotify);
        Assert.False(With(new ButtonTemplate("{spotifyurl}", "{musicbrainzurl}")).LooksUpSpotify);
    }
}
